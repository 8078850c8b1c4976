import { Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import type { Page } from '../../platform/pagination/page';
import { ApiToken } from './api-token.entity';
import { ApiTokenView, auditedToken, CreatedApiToken, toApiTokenView } from './api-token-view';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './role.enum';
import { API_TOKEN_PREFIX, newSecret, secretDigest } from './secrets';

/** One page always holds them all: GET /api/tokens needs no cursor. */
export const MAX_ACTIVE_TOKENS_PER_USER = 100;

/** last_used_at is a hint for people tidying their tokens, so one write per token a minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface NewApiToken {
  name: string;
  expiresAt?: Date;
}

export interface ResolvedApiToken {
  tokenId: string;
  user: AuthenticatedUser;
}

@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(userId: string, input: NewApiToken): Promise<CreatedApiToken> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      const reason = 'expiresAt must be in the future';
      throw new DomainError(DomainErrorCode.InvalidInput, reason, [
        { field: 'expiresAt', reasons: [reason] },
      ]);
    }
    const token = API_TOKEN_PREFIX + newSecret();
    return this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(ApiToken);
      const active = await tokens.countBy({ userId, revokedAt: IsNull() });
      if (active >= MAX_ACTIVE_TOKENS_PER_USER) {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          `You already have ${MAX_ACTIVE_TOKENS_PER_USER} tokens; revoke one first`,
        );
      }
      const { identifiers } = await tokens.insert({
        userId,
        name: input.name,
        displayPrefix: token.slice(0, 10),
        secretHash: secretDigest(token),
        expiresAt: input.expiresAt ?? null,
      });
      const saved = await tokens.findOneByOrFail({ id: (identifiers[0] as { id: string }).id });
      await this.audit.record(manager, {
        actorId: userId,
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: saved.id,
        before: null,
        after: auditedToken(saved),
      });
      return { ...toApiTokenView(saved), token };
    });
  }

  /** The caller's tokens that are not revoked, newest first (expired ones included, so they can be tidied). */
  async listOwn(userId: string): Promise<Page<ApiTokenView>> {
    const rows = await this.dataSource.getRepository(ApiToken).find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: MAX_ACTIVE_TOKENS_PER_USER,
    });
    return { items: rows.map(toApiTokenView), nextCursor: null };
  }

  /** Revokes one of the caller's tokens; someone else's token is "not found", never "forbidden". */
  async revokeOwn(userId: string, tokenId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(ApiToken);
      const token = await tokens.findOne({
        where: { id: tokenId, userId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) throw new DomainError(DomainErrorCode.NotFound, `No active token with id ${tokenId}`);
      const before = auditedToken(token);
      token.revokedAt = new Date();
      await tokens.update({ id: token.id }, { revokedAt: token.revokedAt });
      await this.audit.record(manager, {
        actorId: userId,
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: token.id,
        before,
        after: auditedToken(token),
      });
    });
  }

  /** The user behind a Bearer token; null when unknown, revoked, expired, or the user is disabled. */
  async resolve(token: string): Promise<ResolvedApiToken | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('token')
      .innerJoin('token.user', 'user')
      .select('token.id', 'tokenId')
      .addSelect('token.lastUsedAt', 'lastUsedAt')
      .addSelect('user.id', 'id')
      .addSelect('user.email', 'email')
      .addSelect('user.role', 'role')
      .where('token.secretHash = :hash', { hash: secretDigest(token) })
      .andWhere('token.revokedAt IS NULL')
      .andWhere('(token.expiresAt IS NULL OR token.expiresAt > now())')
      .andWhere('user.disabledAt IS NULL')
      .getRawOne<{ tokenId: string; lastUsedAt: Date | null; id: string; email: string; role: Role }>();
    if (!row) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      this.touch(row.tokenId);
    }
    return { tokenId: row.tokenId, user: { id: row.id, email: row.email, role: row.role } };
  }

  /** Off the request's path: a failed hint update must not fail the request. */
  private touch(tokenId: string): void {
    this.dataSource
      .getRepository(ApiToken)
      .update({ id: tokenId }, { lastUsedAt: () => 'now()' })
      .catch((error: unknown) => this.logger.warn(`Could not record token use: ${String(error)}`));
  }
}
