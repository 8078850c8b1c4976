import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DatePrecision } from '../../kernel/dates/known-date';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { findingEndSql } from '../../kernel/as-of/exposure.sql';
import { ClaimRowBase, claimSubjectSql } from '../claim-stack/claim-row';
import { brandOrGroupClause, SqlParams } from '../claim-stack/sql-params';
import { ExposureFinding } from './exposure-finding.entity';
import type { FindingKind, FindingResponse } from './finding-kind';

export interface FindingRow extends ClaimRowBase {
  kind: FindingKind;
  report_name: string | null;
  published_on: string;
  published_on_precision: DatePrecision;
  effective_on: string;
  finding: string;
  response: FindingResponse;
  /** When the link ended: recorded with the finding, or by its verified closure (findingEndSql). */
  ended_on: string | null;
  /** created_at to the microsecond, for the keyset cursor (a JS Date would drop the microseconds). */
  cursor_at: string;
}

export interface FindingListFilter {
  statuses: ReviewStatus[];
  /** A brand's own findings and its group's. */
  brandId?: string;
  brandCompanyId?: string | null;
  /** A group's own findings. */
  companyId?: string;
  kind?: FindingKind;
  id?: string;
  before?: { at: string; id: string };
  /** Only findings known on this day (effective_on <= asOf). */
  knownOn?: string;
  limit: number;
}

const FINDING_SUBJECT = claimSubjectSql('f');

/** A finding row's columns for a query aliasing exposure_findings `f` with its subject joins (scorecards too). */
export const FINDING_COLUMNS = `f.id, ${FINDING_SUBJECT.columns},
       f.kind, f.report_name, f.published_on::text AS published_on, f.published_on_precision,
       f.effective_on::text AS effective_on, f.finding, f.response, ${findingEndSql('f')}::text AS ended_on, f.status,
       f.created_at, f.review_note,
       to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

/** The only door to the exposure_findings table. */
@Injectable()
export class FindingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the finding's row in `manager`'s transaction (two closures proposed at once wait for each other). */
  async lockById(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM exposure_findings WHERE id = $1 FOR UPDATE', [id]);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ExposureFinding | null> {
    return manager.getRepository(ExposureFinding).findOneBy({ id });
  }

  /**
   * Newest first, keyset on (created_at, id); indexes idx_exposure_findings_created / _brand / _company:
   *   SELECT f.*, brand and company names FROM exposure_findings f LEFT JOIN brands ... LEFT JOIN companies ...
   *   WHERE f.status = ANY($1) [AND (f.brand_id = $b OR f.company_id = $c)] [AND f.kind = $k]
   *     [AND (f.created_at, f.id) < ($at, $id)]
   *   ORDER BY f.created_at DESC, f.id DESC LIMIT $n
   */
  list(filter: FindingListFilter): Promise<FindingRow[]> {
    const params = new SqlParams();
    const clauses = [`f.status = ANY(${params.param(filter.statuses)}::text[])`];
    if (filter.brandId) clauses.push(brandOrGroupClause('f', params, filter.brandId, filter.brandCompanyId));
    if (filter.companyId) clauses.push(`f.company_id = ${params.param(filter.companyId)}::uuid`);
    if (filter.kind) clauses.push(`f.kind = ${params.param(filter.kind)}`);
    if (filter.id) clauses.push(`f.id = ${params.param(filter.id)}::uuid`);
    if (filter.knownOn) clauses.push(`f.effective_on <= ${params.param(filter.knownOn)}::date`);
    if (filter.before) {
      const at = params.param(filter.before.at);
      clauses.push(`(f.created_at, f.id) < (${at}::timestamptz, ${params.param(filter.before.id)}::uuid)`);
    }
    return this.dataSource.query<FindingRow[]>(
      `
SELECT ${FINDING_COLUMNS}
FROM exposure_findings f
${FINDING_SUBJECT.joins}
WHERE ${clauses.join(' AND ')}
ORDER BY f.created_at DESC, f.id DESC
LIMIT ${params.param(filter.limit)}`,
      params.values,
    );
  }
}
