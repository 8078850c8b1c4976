import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FetchError } from '../../scrapers';
import { AuditService } from '../identity/audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../platform/http/errors/domain-error';
import { encodeCursor, decodeCursor } from '../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, type Page, toPage } from '../platform/pagination/page';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { CreatedWebhookView, toWebhookView, WebhookView } from './dto/webhook.view';
import { Webhook } from './webhook.entity';
import { WebhookSender } from './webhook-sender';

/** Admin management of webhooks; creations and deletions are audited (without the secret). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sender: WebhookSender,
  ) {}

  async list(cursor: string | undefined, limit = DEFAULT_PAGE_SIZE): Promise<Page<WebhookView>> {
    const builder = this.dataSource.getRepository(Webhook).createQueryBuilder('webhook');
    if (cursor) {
      const { at, id } = decodeCursor(cursor, ['at', 'id'] as const);
      builder.where('(webhook.created_at, webhook.id) > (:at::timestamptz, :id::uuid)', { at, id });
    }
    const rows = await builder
      .orderBy('webhook.created_at', 'ASC')
      .addOrderBy('webhook.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ at: row.createdAt.toISOString(), id: row.id }),
      toWebhookView,
    );
  }

  async create(input: CreateWebhookDto, actor: AuthenticatedUser): Promise<CreatedWebhookView> {
    await this.vet(input.url);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Webhook);
      const saved = await repository.save(
        repository.create({
          name: input.name,
          team: input.team ?? null,
          url: input.url,
          secret,
          createdById: actor.id,
        }),
      );
      const view = toWebhookView(saved);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'webhook.create',
        entityType: 'webhook',
        entityId: saved.id,
        before: null,
        after: view,
      });
      return { ...view, secret };
    });
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const webhook = await manager.getRepository(Webhook).findOneBy({ id });
      if (!webhook) throw new DomainError(DomainErrorCode.NotFound, `No webhook ${id}`);
      await manager.getRepository(Webhook).delete({ id });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'webhook.delete',
        entityType: 'webhook',
        entityId: id,
        before: toWebhookView(webhook),
        after: null,
      });
    });
  }

  /** The SSRF guard decides, as for any fetch: a private or unresolvable address is a 400 naming `url`. */
  private async vet(url: string): Promise<void> {
    try {
      await this.sender.vet(url);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const reason = `url: ${error.reason}`;
      throw new DomainError(DomainErrorCode.InvalidInput, reason, [{ field: 'url', reasons: [reason] }]);
    }
  }
}
