import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BrandSearchRow } from '../catalogue/brands/brand-search.sql';
import { UUID } from '../catalogue/brands/brands.repository';
import type { CommitmentRow } from '../claims/commitments/commitments.repository';
import type { DisclosureRow } from '../claims/disclosures/disclosures.repository';
import type { ClosureRow } from '../claims/findings/closures/closures.repository';
import type { FindingRow } from '../claims/findings/findings.repository';
import type { CaptureSummaryRow } from '../evidence/captures/capture-summaries';
import type { EvidenceKind } from '../evidence/sources/evidence-kind';
import type { ReviewStatus } from '../kernel/review/review-status';
import { preparedQuery } from '../platform/database/prepared-query';
import { BRAND_RECORD_SQL } from './brand-record.sql';

/** The brand with its group's name and status (the group is shown only to readers who may see it). */
export type BrandRecordBrandRow = Pick<
  BrandSearchRow,
  | 'id'
  | 'slug'
  | 'name'
  | 'aliases'
  | 'sectors'
  | 'hq_country'
  | 'website'
  | 'company_id'
  | 'status'
  | 'company_slug'
  | 'company_name'
> & { company_status: ReviewStatus | null };

export interface BrandRecordEvidenceRow {
  owner_id: string;
  id: string;
  url: string | null;
  document_ref: string | null;
  title: string | null;
  publisher: string | null;
  kind: EvidenceKind;
  published_on: string | null;
  accessed_on: string | null;
  status: ReviewStatus;
  created_at: string;
  review_note: string | null;
}

/** The one row BRAND_RECORD_SQL answers: each part as JSON, timestamps as ISO text. */
export interface BrandRecordRow {
  brand: BrandRecordBrandRow | null;
  siblings: Array<{ id: string; slug: string; name: string }>;
  commitments: CommitmentRow[];
  findings: FindingRow[];
  disclosures: DisclosureRow[];
  closures: ClosureRow[];
  evidence: BrandRecordEvidenceRow[];
  captures: CaptureSummaryRow[];
}

/**
 * A brand's public record in one round trip. It reads the catalogue's, the claims' and the evidence's tables
 * directly because it is a read model, like the feed: each claim part selects through its own repository's
 * column list, and only verified rows are selected, so nothing unpublished can leak.
 */
@Injectable()
export class BrandRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The record of the brand with slug (or id) `ref`; `brand` is null when there is none. */
  async load(ref: string, asOf: string, siblingsLimit: number): Promise<BrandRecordRow> {
    const [row] = await preparedQuery<BrandRecordRow>(
      this.dataSource,
      'scorecard_brand_record',
      BRAND_RECORD_SQL,
      [ref, UUID.test(ref) ? ref : null, asOf, siblingsLimit],
    );
    return row;
  }
}
