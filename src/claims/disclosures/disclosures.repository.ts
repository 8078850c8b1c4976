import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DatePrecision } from '../../kernel/dates/known-date';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { ClaimRowBase, claimSubjectSql } from '../claim-stack/claim-row';
import { brandOrGroupClause, SqlParams } from '../claim-stack/sql-params';
import { Disclosure } from './disclosure.entity';
import type { DisclosureKind } from './disclosure-kind';

export interface DisclosureRow extends ClaimRowBase {
  id: string;
  brand_id: string | null;
  company_id: string | null;
  kind: DisclosureKind;
  disclosed_on: string;
  disclosed_on_precision: DatePrecision;
  effective_on: string;
  withdrawn_on: string | null;
  url: string;
  summary: string | null;
  reviewed_at: Date | string | null;
}

export interface DisclosureListFilter {
  statuses: ReviewStatus[];
  /** A brand's own disclosures and its group's. */
  brandId?: string;
  brandCompanyId?: string | null;
  id?: string;
  /** Keyset: rows strictly before (disclosed_on, id) in the newest-first order. */
  before?: { disclosedOn: string; id: string };
  limit: number;
}

const DISCLOSURE_SUBJECT = claimSubjectSql('d');

/** A disclosure row's columns for a query aliasing disclosures `d` with its subject joins (scorecards too). */
export const DISCLOSURE_COLUMNS = `d.id, d.brand_id, d.company_id, ${DISCLOSURE_SUBJECT.columns}, d.kind,
       d.disclosed_on::text AS disclosed_on, d.disclosed_on_precision, d.effective_on::text AS effective_on,
       d.withdrawn_on::text AS withdrawn_on, d.url, d.summary, d.status, d.created_at, d.reviewed_at, d.review_note`;

/** The only door to the disclosures table. */
@Injectable()
export class DisclosuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Disclosure | null> {
    return manager.getRepository(Disclosure).findOneBy({ id });
  }

  /**
   * Newest first, keyset on (disclosed_on, id); served by idx_disclosures_brand / idx_disclosures_company:
   *   SELECT d.*, brand and company names FROM disclosures d LEFT JOIN brands ... LEFT JOIN companies ...
   *   WHERE d.status = ANY($1) [AND (d.brand_id = $b OR d.company_id = $c)] [AND (d.disclosed_on, d.id) < (...)]
   *   ORDER BY d.disclosed_on DESC, d.id DESC LIMIT $n
   */
  list(filter: DisclosureListFilter): Promise<DisclosureRow[]> {
    const params = new SqlParams();
    const clauses = [`d.status = ANY(${params.param(filter.statuses)}::text[])`];
    if (filter.brandId) clauses.push(brandOrGroupClause('d', params, filter.brandId, filter.brandCompanyId));
    if (filter.id) clauses.push(`d.id = ${params.param(filter.id)}::uuid`);
    if (filter.before) {
      const disclosedOn = params.param(filter.before.disclosedOn);
      clauses.push(
        `(d.disclosed_on, d.id) < (${disclosedOn}::date, ${params.param(filter.before.id)}::uuid)`,
      );
    }
    return this.dataSource.query<DisclosureRow[]>(
      `
SELECT ${DISCLOSURE_COLUMNS}
FROM disclosures d
${DISCLOSURE_SUBJECT.joins}
WHERE ${clauses.join(' AND ')}
ORDER BY d.disclosed_on DESC, d.id DESC
LIMIT ${params.param(filter.limit)}`,
      params.values,
    );
  }
}
