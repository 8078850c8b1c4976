import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ReviewStatus } from '../../kernel/review/review-status';
import type { CommitmentScope } from './commitment-scope';
import type { CommitmentType } from '../../kernel/as-of/commitment-type';
import { ClaimRowBase, claimSubjectSql } from '../claim-stack/claim-row';
import type { ClaimSubject } from '../claim-stack/claim-subject';
import { Commitment } from './commitment.entity';
import { inForceConditions } from '../../kernel/as-of/in-force.sql';
import type { DatePrecision } from '../../kernel/dates/known-date';

export interface CommitmentRow extends ClaimRowBase {
  brand_id: string | null;
  company_id: string | null;
  type: CommitmentType;
  scope: CommitmentScope;
  stated_on: string;
  stated_on_precision: DatePrecision;
  effective_on: string;
  summary: string;
  supersedes_id: string | null;
  retracts_id: string | null;
  reviewed_at: Date | string | null;
  in_force: boolean;
}

export interface TimelineQuery {
  statuses: ReviewStatus[];
  asOf: string;
  /** Keyset: rows strictly before (stated_on, id) in the newest-first order. */
  before?: { statedOn: string; id: string };
  limit: number;
  inForceOnly?: boolean;
}

const SUBJECT = claimSubjectSql('c');
/** A commitment row's columns for a query aliasing commitments `c` and joining SUBJECT's joins (scorecards too). */
export const COMMITMENT_COLUMNS = `c.id, c.brand_id, c.company_id, ${SUBJECT.columns}, c.type, c.scope,
       c.stated_on::text AS stated_on, c.stated_on_precision, c.effective_on::text AS effective_on, c.summary,
       c.supersedes_id, c.retracts_id, c.status, c.created_at, c.reviewed_at, c.review_note`;

/**
 * The only door to the commitments table. For a group's timeline the subject row `b` has a null brand id,
 * so the as-of rule only sees the group's own retractions.
 */
@Injectable()
export class CommitmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Commitment | null> {
    return manager.getRepository(Commitment).findOneBy({ id });
  }

  /**
   * A subject's commitments newest first, each with whether it is in force on `asOf`:
   *   SELECT ..., (<as-of rule>) AS in_force
   *   FROM (SELECT id, company_id FROM brands WHERE id = $1) b
   *   JOIN commitments c ON c.brand_id = b.id OR c.company_id = b.company_id
   *   WHERE c.status = ANY($3) [AND (c.stated_on, c.id) < ($4, $5)]
   *   ORDER BY c.stated_on DESC, c.id DESC LIMIT $6
   */
  timeline(subject: ClaimSubject, query: TimelineQuery): Promise<CommitmentRow[]> {
    const subjectSql =
      'brandId' in subject
        ? 'SELECT id, company_id FROM brands WHERE id = $1'
        : 'SELECT NULL::uuid AS id, $1::uuid AS company_id';
    const inForce = inForceConditions('c', 'b', '$2::date');
    const text = `
SELECT * FROM (
  SELECT ${COMMITMENT_COLUMNS}, (${inForce}) AS in_force
  FROM (${subjectSql}) b
  JOIN commitments c ON c.brand_id = b.id OR (b.company_id IS NOT NULL AND c.company_id = b.company_id)
  ${SUBJECT.joins}
  WHERE c.status = ANY($3::text[])
    AND ($4::date IS NULL OR (c.stated_on, c.id) < ($4::date, $5::uuid))
) timeline
WHERE NOT $7::boolean OR in_force
ORDER BY stated_on DESC, id DESC
LIMIT $6`;
    return this.dataSource.query<CommitmentRow[]>(text, [
      'brandId' in subject ? subject.brandId : subject.companyId,
      query.asOf,
      query.statuses,
      query.before?.statedOn ?? null,
      query.before?.id ?? null,
      query.limit,
      query.inForceOnly ?? false,
    ]);
  }

  /** One commitment with its in-force flag on `asOf`, judged for its own brand (or group). */
  async rowById(id: string, asOf: string): Promise<CommitmentRow | undefined> {
    const [row] = await this.dataSource.query<CommitmentRow[]>(
      `
SELECT ${COMMITMENT_COLUMNS}, (${inForceConditions('c', 'b', '$2::date')}) AS in_force
FROM commitments c
CROSS JOIN LATERAL (
  SELECT c.brand_id AS id, coalesce(c.company_id, (SELECT company_id FROM brands WHERE id = c.brand_id)) AS company_id
) b
${SUBJECT.joins}
WHERE c.id = $1`,
      [id, asOf],
    );
    return row;
  }
}
