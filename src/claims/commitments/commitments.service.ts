import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { badCursor, CURSOR_UUID, decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { canSee, SYSTEM_READER, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import { Commitment } from './commitment.entity';
import { toCommitmentView } from './commitment-view.mapper';
import { CommitmentRow, CommitmentsRepository, TimelineSubject } from './commitments.repository';
import type { CommitmentView } from './dto/commitment.view';
import type { CreateCommitmentDto } from './dto/create-commitment.dto';
import { isIsoDate } from '../../kernel/dates/is-iso-date';
import type { ListCommitmentsQueryDto } from './dto/list-commitments-query.dto';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { today } from '../../kernel/dates/today';

/**
 * Commitments: created, reviewed, never rewritten. A change is a new commitment that supersedes the old
 * one; the as-of rule (in-force.sql.ts) replays the timeline on any day.
 */
@Injectable()
export class CommitmentsService {
  private readonly reviewTarget: ReviewTarget<Commitment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsRepository,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
  ) {
    this.reviewTarget = {
      entity: Commitment,
      auditType: 'commitment',
      // "Every claim tied to evidence" (DESIGN.md): nothing is verified without a source.
      beforeVerify: async (manager: EntityManager, record: Commitment) => {
        if ((await this.evidence.countLinks(manager, 'commitment', record.id)) === 0) {
          throw new DomainError(
            DomainErrorCode.InvalidState,
            'Link evidence to this commitment before verifying it',
          );
        }
      },
    };
  }

  /** A draft commitment of a brand (by slug or id). `actor` null means the system (seeds, import). */
  async createForBrand(brandRef: string, input: CreateCommitmentDto, actor: AuthenticatedUser | null) {
    const brand = await this.brands.findByRef(brandRef);
    if (!brand) throw new DomainError(DomainErrorCode.NotFound, `No brand "${brandRef}"`);
    return this.create({ brandId: brand.id }, input, actor);
  }

  /** A draft group-level commitment, which applies to every brand of the group. */
  async createForCompany(companyRef: string, input: CreateCommitmentDto, actor: AuthenticatedUser | null) {
    const company = await this.companies.findByRef(companyRef);
    if (!company) throw new DomainError(DomainErrorCode.NotFound, `No company "${companyRef}"`);
    return this.create({ companyId: company.id }, input, actor);
  }

  async get(id: string, viewer: Viewer, asOf = today()): Promise<CommitmentView> {
    const row = await this.commitments.rowById(id, asOf);
    if (!row || !canSee(viewer, row.status))
      throw new DomainError(DomainErrorCode.NotFound, `No commitment ${id}`);
    return (await this.withEvidence([row], viewer))[0];
  }

  /** A brand's timeline: its own commitments and its group's, newest first. 404 for a brand the reader cannot see. */
  async timelineForBrand(brandRef: string, query: ListCommitmentsQueryDto, viewer: Viewer) {
    const brand = await this.brands.get(brandRef, viewer);
    return this.timeline({ brandId: brand.id }, query, viewer);
  }

  async timelineForCompany(companyRef: string, query: ListCommitmentsQueryDto, viewer: Viewer) {
    const company = await this.companies.get(companyRef, viewer);
    return this.timeline({ companyId: company.id }, query, viewer);
  }

  /**
   * The as-of query for other modules (scorecards, exports): the verified commitments in force for a
   * brand on `asOf`, its own and its group's, newest first, with their verified evidence.
   */
  async inForceForBrand(brandId: string, asOf: string = today()): Promise<CommitmentView[]> {
    const rows = await this.commitments.timeline(
      { brandId },
      { statuses: [ReviewStatus.Verified], asOf, limit: 1000, inForceOnly: true },
    );
    return this.withEvidence(rows, undefined);
  }

  /** Every verified commitment of a brand and its group (the whole timeline, for consistency checks). */
  async verifiedTimelineForBrand(brandId: string, asOf: string = today()): Promise<CommitmentView[]> {
    const rows = await this.commitments.timeline(
      { brandId },
      { statuses: [ReviewStatus.Verified], asOf, limit: 1000 },
    );
    return this.withEvidence(rows, undefined);
  }

  /** Commitments (with their brand or group) waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<Commitment[]> {
    return this.dataSource.getRepository(Commitment).find({
      where: { status: ReviewStatus.Submitted },
      relations: { brand: true, company: true },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  submit(id: string, actor: AuthenticatedUser): Promise<Commitment> {
    return this.reviews.submit(this.reviewTarget, id, actor);
  }

  review(id: string, decision: ReviewDecision, note: string | undefined, actor: AuthenticatedUser) {
    return this.reviews.review(this.reviewTarget, id, decision, note, actor);
  }

  verifyAsSystem(id: string, note: string): Promise<Commitment> {
    return this.reviews.verifyAsSystem(this.reviewTarget, id, note);
  }

  /** Leaves a system-created draft unverified but queued for review, with a note for the reviewer (imports). */
  submitAsSystem(id: string, note: string): Promise<Commitment> {
    return this.reviews.submitAsSystem(this.reviewTarget, id, note);
  }

  private async timeline(subject: TimelineSubject, query: ListCommitmentsQueryDto, viewer: Viewer) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null } satisfies Page<CommitmentView>;
    const before = query.cursor ? decodeCursor(query.cursor, ['statedOn', 'id'] as const) : undefined;
    if (before && (!isIsoDate(before.statedOn) || !CURSOR_UUID.test(before.id))) throw badCursor();
    const rows = await this.commitments.timeline(subject, {
      statuses,
      asOf: query.asOf ?? today(),
      before,
      limit: limit + 1,
    });
    const page = toPage(
      rows,
      limit,
      (row) => encodeCursor({ statedOn: row.stated_on, id: row.id }),
      (row) => row,
    );
    return { items: await this.withEvidence(page.items, viewer), nextCursor: page.nextCursor };
  }

  private async withEvidence(rows: CommitmentRow[], viewer: Viewer): Promise<CommitmentView[]> {
    const evidence = await this.evidence.linkedTo(
      'commitment',
      rows.map((row) => row.id),
      viewer,
    );
    return rows.map((row) => toCommitmentView(row, evidence.get(row.id) ?? [], viewer));
  }

  private async create(
    subject: TimelineSubject,
    input: CreateCommitmentDto,
    actor: AuthenticatedUser | null,
  ): Promise<CommitmentView> {
    const statedOn = normaliseDate(input.statedOn, input.statedOnPrecision);
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.supersedesId) await this.checkSupersedes(manager, subject, input.supersedesId);
      const repository = manager.getRepository(Commitment);
      const saved = await repository.save(
        repository.create({
          brandId: 'brandId' in subject ? subject.brandId : null,
          companyId: 'companyId' in subject ? subject.companyId : null,
          type: input.type,
          scope: { ...(input.scope ?? {}) },
          statedOn,
          statedOnPrecision: input.statedOnPrecision,
          effectiveOn: effectiveDate(statedOn, input.statedOnPrecision),
          summary: input.summary.trim(),
          supersedesId: input.supersedesId ?? null,
          status: ReviewStatus.Draft,
          createdById: actor?.id ?? null,
        }),
      );
      await this.evidence.attach(manager, 'commitment', saved.id, input.evidenceIds ?? []);
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'commitment.create',
        entityType: 'commitment',
        entityId: saved.id,
        before: null,
        after: { ...saved, evidenceIds: input.evidenceIds ?? [] },
      });
      return saved.id;
    });
    return this.get(id, actor ?? SYSTEM_READER);
  }

  /** A successor must replace a commitment of the same brand or group that was not rejected. */
  private async checkSupersedes(manager: EntityManager, subject: TimelineSubject, supersedesId: string) {
    const previous = await this.commitments.findById(supersedesId, manager);
    const sameSubject =
      previous &&
      ('brandId' in subject
        ? previous.brandId === subject.brandId
        : previous.companyId === subject.companyId);
    if (!previous || !sameSubject || previous.status === ReviewStatus.Rejected) {
      throw new DomainError(
        DomainErrorCode.InvalidInput,
        'supersedesId: must be a commitment of the same brand or group that was not rejected',
        [
          {
            field: 'supersedesId',
            reasons: ['supersedesId must be a non-rejected commitment of the same subject'],
          },
        ],
      );
    }
  }
}
