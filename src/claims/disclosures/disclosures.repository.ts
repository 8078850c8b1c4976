import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DatePrecision } from '../../kernel/dates/known-date';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { Disclosure } from './disclosure.entity';
import type { DisclosureKind } from './disclosure-kind';

export interface DisclosureRow {
  id: string;
  brand_id: string | null;
  company_id: string | null;
  brand_slug: string | null;
  brand_name: string | null;
  brand_status: ReviewStatus | null;
  company_slug: string | null;
  company_name: string | null;
  company_status: ReviewStatus | null;
  kind: DisclosureKind;
  disclosed_on: string;
  disclosed_on_precision: DatePrecision;
  effective_on: string;
  withdrawn_on: string | null;
  url: string;
  summary: string | null;
  status: ReviewStatus;
  created_at: Date;
  reviewed_at: Date | null;
  review_note: string | null;
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
    const values: unknown[] = [filter.statuses];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const clauses = ['d.status = ANY($1::text[])'];
    if (filter.brandId) {
      const own = `d.brand_id = ${param(filter.brandId)}::uuid`;
      clauses.push(
        filter.brandCompanyId ? `(${own} OR d.company_id = ${param(filter.brandCompanyId)}::uuid)` : own,
      );
    }
    if (filter.id) clauses.push(`d.id = ${param(filter.id)}::uuid`);
    if (filter.before) {
      clauses.push(
        `(d.disclosed_on, d.id) < (${param(filter.before.disclosedOn)}::date, ${param(filter.before.id)}::uuid)`,
      );
    }
    return this.dataSource.query<DisclosureRow[]>(
      `
SELECT d.id, d.brand_id, d.company_id, db.slug AS brand_slug, db.name AS brand_name, db.status AS brand_status,
       dc.slug AS company_slug, dc.name AS company_name, dc.status AS company_status, d.kind,
       d.disclosed_on::text AS disclosed_on, d.disclosed_on_precision, d.effective_on::text AS effective_on,
       d.withdrawn_on::text AS withdrawn_on, d.url, d.summary, d.status, d.created_at, d.reviewed_at, d.review_note
FROM disclosures d
LEFT JOIN brands db ON db.id = d.brand_id
LEFT JOIN companies dc ON dc.id = d.company_id
WHERE ${clauses.join(' AND ')}
ORDER BY d.disclosed_on DESC, d.id DESC
LIMIT ${param(filter.limit)}`,
      values,
    );
  }
}
