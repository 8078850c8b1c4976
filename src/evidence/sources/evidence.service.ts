import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { recordPendingCapture } from '../captures/capture-outbox';
import { CaptureScheduler } from '../captures/capture-scheduler';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { canSee, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import type { CreateEvidenceDto } from './dto/create-evidence.dto';
import { EvidenceView, toEvidenceView } from './dto/evidence.view';
import type { LinkEvidenceDto } from './dto/link-evidence.dto';
import type { ListEvidenceQueryDto } from './dto/list-evidence-query.dto';
import { Evidence } from './evidence.entity';
import { EvidenceOwner, EvidenceRepository } from './evidence.repository';

const REVIEW_TARGET: ReviewTarget<Evidence> = { entity: Evidence, auditType: 'evidence' };

/** Sources and their links to commitments and findings. Archived captures are the archive's business. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
    private readonly captures: CaptureScheduler,
  ) {}

  /** Creates draft evidence, linked at once to the commitments and findings given. `actor` null: the system. */
  async create(input: CreateEvidenceDto, actor: AuthenticatedUser | null): Promise<Evidence> {
    const created = await this.dataSource.transaction((manager) => this.createIn(manager, input, actor));
    await this.scheduleCapture(created);
    return created;
  }

  /**
   * The same inside `manager`'s transaction (evidence drafted with a flag's confirmation). The capture is
   * owed from the commit on through the outbox; call scheduleCapture after the commit to start it at once.
   */
  async createIn(
    manager: EntityManager,
    input: CreateEvidenceDto,
    actor: AuthenticatedUser | null,
  ): Promise<Evidence> {
    if (!input.url && !input.documentRef) {
      throw new DomainError(
        DomainErrorCode.InvalidInput,
        'url: give the source URL or an uploaded documentRef',
        [{ field: 'url', reasons: ['url or documentRef is required'] }],
      );
    }
    const repository = manager.getRepository(Evidence);
    const saved = await repository.save(
      repository.create({
        url: input.url ?? null,
        documentRef: input.documentRef ?? null,
        title: input.title ?? null,
        publisher: input.publisher ?? null,
        kind: input.kind,
        publishedOn: input.publishedOn ?? null,
        accessedOn: input.accessedOn ?? null,
        status: ReviewStatus.Draft,
        createdById: actor?.id ?? null,
      }),
    );
    const targets = { commitmentIds: input.commitmentIds ?? [], findingIds: input.findingIds ?? [] };
    await this.linkChecked(manager, saved.id, targets);
    await this.audit.record(manager, {
      actorId: actor?.id ?? null,
      action: 'evidence.create',
      entityType: 'evidence',
      entityId: saved.id,
      before: null,
      after: { ...toEvidenceView(saved), ...targets },
    });
    // The archive's outbox: the capture is owed from this commit on, whatever Redis does (docs/archiving.md).
    if (saved.url) await recordPendingCapture(manager, saved.id, saved.url);
    return saved;
  }

  /** Queues the capture of committed evidence now rather than at the next reconcile. */
  async scheduleCapture(evidence: Evidence): Promise<void> {
    if (evidence.url) await this.captures.enqueueCapture(evidence.id);
  }

  /** Links existing evidence to more commitments or findings; audited as one change. */
  async link(id: string, input: LinkEvidenceDto, actor: AuthenticatedUser | null): Promise<Evidence> {
    return this.dataSource.transaction(async (manager) => {
      const evidence = await this.evidence.findById(id, manager);
      if (!evidence) throw notFound(id);
      const targets = { commitmentIds: input.commitmentIds ?? [], findingIds: input.findingIds ?? [] };
      await this.linkChecked(manager, id, targets);
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'evidence.link',
        entityType: 'evidence',
        entityId: id,
        before: null,
        after: targets,
      });
      return evidence;
    });
  }

  async get(id: string, viewer: Viewer): Promise<Evidence> {
    const evidence = await this.evidence.findById(id);
    if (!evidence || !canSee(viewer, evidence.status)) throw notFound(id);
    return evidence;
  }

  /** For other modules: no visibility rule, null when absent. */
  findById(id: string): Promise<Evidence | null> {
    return this.evidence.findById(id);
  }

  async list(query: ListEvidenceQueryDto, viewer: Viewer): Promise<Page<EvidenceView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null };
    const rows = await this.evidence.list({ ...query, statuses, limit });
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ at: row.cursorAt, id: row.evidence.id }),
      (row) => toEvidenceView(row.evidence),
    );
  }

  /** The evidence behind many commitments or findings, visible to `viewer`, in one query. */
  linkedTo(owner: EvidenceOwner, ownerIds: string[], viewer: Viewer): Promise<Map<string, Evidence[]>> {
    return this.evidence.linkedTo(owner, ownerIds, visibleStatuses(viewer));
  }

  /**
   * Links evidence to a commitment or finding being written in `manager`'s transaction (the caller audits
   * the write, links included). Unknown evidence is a 400 naming `evidenceIds`.
   */
  async attach(manager: EntityManager, owner: EvidenceOwner, ownerId: string, evidenceIds: string[]) {
    if (!evidenceIds.length) return;
    try {
      await this.evidence.attach(manager, owner, ownerId, evidenceIds);
    } catch (error: unknown) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23503') {
        throw new DomainError(
          DomainErrorCode.InvalidInput,
          'evidenceIds: refers to evidence that does not exist',
          [{ field: 'evidenceIds', reasons: ['evidenceIds refers to evidence that does not exist'] }],
        );
      }
      throw error;
    }
  }

  /** What a claim cites, any status, for the publication rule (docs/data-model.md) in `manager`'s transaction. */
  citedBy(manager: EntityManager, owner: EvidenceOwner, ownerId: string): Promise<Evidence[]> {
    return this.evidence.citedBy(manager, owner, ownerId);
  }

  /** Evidence waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<Evidence[]> {
    return this.dataSource.getRepository(Evidence).find({
      where: { status: ReviewStatus.Submitted },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Submits for review; inside `manager`'s transaction when given (sources submitted with their claim). */
  submit(id: string, actor: AuthenticatedUser, manager?: EntityManager): Promise<Evidence> {
    return this.reviews.submit(REVIEW_TARGET, id, actor, manager);
  }

  /** Reviews; inside `manager`'s transaction when given (sources verified in one act with their claim). */
  review(
    id: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
    manager?: EntityManager,
  ): Promise<Evidence> {
    return this.reviews.review(REVIEW_TARGET, id, decision, note, actor, manager);
  }

  verifyAsSystem(id: string, note: string): Promise<Evidence> {
    return this.reviews.verifyAsSystem(REVIEW_TARGET, id, note);
  }

  /** Links, turning a missing commitment or finding (foreign key) into a 400 naming the field. */
  private async linkChecked(
    manager: EntityManager,
    id: string,
    targets: { commitmentIds: string[]; findingIds: string[] },
  ): Promise<void> {
    try {
      await this.evidence.link(manager, id, targets);
    } catch (error: unknown) {
      const constraint = (error as { constraint?: string }).constraint ?? '';
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23503') {
        const field = constraint.includes('finding') ? 'findingIds' : 'commitmentIds';
        throw new DomainError(
          DomainErrorCode.InvalidInput,
          `${field}: refers to an entry that does not exist`,
          [{ field, reasons: [`${field} refers to an entry that does not exist`] }],
        );
      }
      throw error;
    }
  }
}

function notFound(id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `No evidence ${id}`);
}
