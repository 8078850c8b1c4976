import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { isIsoDate } from '../../kernel/dates/is-iso-date';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { today } from '../../kernel/dates/today';
import { ReviewStatus } from '../../kernel/review/review-status';
import { CommitmentType } from '../../kernel/as-of/commitment-type';
import { canSee, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { badCursor, CURSOR_UUID, decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page } from '../../platform/pagination/page';
import { ClaimService } from '../claim-stack/claim.service';
import type { ClaimSubject } from '../claim-stack/claim-subject';
import { ClaimSupport } from '../claim-stack/claim-support';
import { Commitment } from './commitment.entity';
import { toCommitmentView } from './commitment-view.mapper';
import { CommitmentRow, CommitmentsRepository } from './commitments.repository';
import type { CommitmentView } from './dto/commitment.view';
import type { CreateCommitmentDto } from './dto/create-commitment.dto';
import type { ListCommitmentsQueryDto } from './dto/list-commitments-query.dto';

/**
 * Commitments: created, reviewed, never rewritten. A change is a new commitment that supersedes the old
 * one; the as-of rule (kernel/as-of/in-force.sql.ts) replays the timeline on any day.
 */
@Injectable()
export class CommitmentsService extends ClaimService<
  Commitment,
  CommitmentRow,
  CommitmentView,
  CreateCommitmentDto
> {
  constructor(
    support: ClaimSupport,
    private readonly commitments: CommitmentsRepository,
  ) {
    super(support, {
      entity: Commitment,
      evidenceOwner: 'commitment',
      auditType: 'commitment',
      noun: 'commitment',
    });
  }

  async get(id: string, viewer: Viewer, asOf = today()): Promise<CommitmentView> {
    const row = await this.commitments.rowById(id, asOf);
    if (!row || !canSee(viewer, row.status))
      throw new DomainError(DomainErrorCode.NotFound, `No commitment ${id}`);
    return (await this.withEvidence([row], viewer))[0];
  }

  /** A brand's timeline: its own commitments and its group's, newest first. 404 for a brand the reader cannot see. */
  async timelineForBrand(brandRef: string, query: ListCommitmentsQueryDto, viewer: Viewer) {
    const brand = await this.support.brands.get(brandRef, viewer);
    return this.timeline({ brandId: brand.id }, query, viewer);
  }

  async timelineForCompany(companyRef: string, query: ListCommitmentsQueryDto, viewer: Viewer) {
    const company = await this.support.companies.get(companyRef, viewer);
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

  /** The statements in force for a brand today, own and group's, without their evidence (what a draft may replace). */
  async standingForBrand(
    brandId: string,
  ): Promise<Array<Pick<CommitmentRow, 'id' | 'type' | 'summary' | 'effective_on'>>> {
    return this.commitments.timeline(
      { brandId },
      { statuses: [ReviewStatus.Verified], asOf: today(), limit: 1000, inForceOnly: true },
    );
  }

  protected toView(row: CommitmentRow, evidence: Evidence[], viewer: Viewer): CommitmentView {
    return toCommitmentView(row, evidence, viewer);
  }

  protected async newRecord(subject: ClaimSubject, input: CreateCommitmentDto, manager: EntityManager) {
    const statedOn = normaliseDate(input.statedOn, input.statedOnPrecision);
    if (input.supersedesId) await this.checkSupersedes(manager, subject, input.supersedesId);
    if (input.retractsId) await this.checkRetracts(manager, subject, input);
    return {
      type: input.type,
      scope: { ...(input.scope ?? {}) },
      statedOn,
      statedOnPrecision: input.statedOnPrecision,
      effectiveOn: effectiveDate(statedOn, input.statedOnPrecision),
      summary: input.summary.trim(),
      supersedesId: input.supersedesId ?? null,
      retractsId: input.retractsId ?? null,
    };
  }

  private async timeline(
    subject: ClaimSubject,
    query: ListCommitmentsQueryDto,
    viewer: Viewer,
  ): Promise<Page<CommitmentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null };
    const before = query.cursor ? decodeCursor(query.cursor, ['statedOn', 'id'] as const) : undefined;
    if (before && (!isIsoDate(before.statedOn) || !CURSOR_UUID.test(before.id))) throw badCursor();
    const rows = await this.commitments.timeline(subject, {
      statuses,
      asOf: query.asOf ?? today(),
      before,
      limit: limit + 1,
    });
    return this.pageOf(rows, limit, (row) => encodeCursor({ statedOn: row.stated_on, id: row.id }), viewer);
  }

  /**
   * A retraction names a statement of its own brand or group, or (for a brand) of the brand's group: what
   * the brand withdrew may have been said at group level. Only retractions name one.
   */
  private async checkRetracts(manager: EntityManager, subject: ClaimSubject, input: CreateCommitmentDto) {
    const invalid = (reason: string) =>
      new DomainError(DomainErrorCode.InvalidInput, `retractsId: ${reason}`, [
        { field: 'retractsId', reasons: [`retractsId ${reason}`] },
      ]);
    if (input.type !== CommitmentType.Retraction)
      throw invalid('is only for a commitment of type retraction');
    const retracted = await this.commitments.findById(input.retractsId ?? '', manager);
    const groupOfBrand =
      'brandId' in subject
        ? (await this.support.brands.findByRef(subject.brandId, manager))?.companyId
        : null;
    const related =
      retracted &&
      ('brandId' in subject
        ? retracted.brandId === subject.brandId || (groupOfBrand && retracted.companyId === groupOfBrand)
        : retracted.companyId === subject.companyId);
    if (!retracted || !related || retracted.status === ReviewStatus.Rejected) {
      throw invalid('must be a non-rejected commitment of the same brand or group');
    }
  }

  /** A successor must replace a commitment of the same brand or group that was not rejected. */
  private async checkSupersedes(manager: EntityManager, subject: ClaimSubject, supersedesId: string) {
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
