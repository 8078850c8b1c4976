import type { ReviewStatus } from '../../kernel/review/review-status';
import { canSee, Viewer } from '../../kernel/review/visibility';
import type { SubjectRef } from './subject-ref.view';

/** The columns every claim list query returns besides the claim's own: its subject, named, and its review. */
export interface ClaimRowBase {
  id: string;
  brand_slug: string | null;
  brand_name: string | null;
  brand_status: ReviewStatus | null;
  company_slug: string | null;
  company_name: string | null;
  company_status: ReviewStatus | null;
  status: ReviewStatus;
  /** A Date from pg, or ISO text when the row was aggregated to JSON (the scorecard's one-statement load). */
  created_at: Date | string;
  review_note: string | null;
}

/**
 * The select list and joins that name a claim's brand and group, for a claim table aliased `alias`. Each
 * claim repository adds its own columns; the joined names come out as `ClaimRowBase` expects.
 */
export function claimSubjectSql(alias: string): { columns: string; joins: string } {
  return {
    columns: `${alias}b.slug AS brand_slug, ${alias}b.name AS brand_name, ${alias}b.status AS brand_status,
       ${alias}c.slug AS company_slug, ${alias}c.name AS company_name, ${alias}c.status AS company_status`,
    joins: `LEFT JOIN brands ${alias}b ON ${alias}b.id = ${alias}.brand_id
LEFT JOIN companies ${alias}c ON ${alias}c.id = ${alias}.company_id`,
  };
}

/** A claim's brand and group for the API, each named only when the reader may see it. */
export function visibleSubject(
  row: ClaimRowBase,
  viewer: Viewer,
): { brand: SubjectRef | null; company: SubjectRef | null } {
  const brandVisible =
    row.brand_slug !== null && row.brand_status !== null && canSee(viewer, row.brand_status);
  const companyVisible =
    row.company_slug !== null && row.company_status !== null && canSee(viewer, row.company_status);
  return {
    brand: brandVisible ? { slug: row.brand_slug ?? '', name: row.brand_name ?? '' } : null,
    company: companyVisible ? { slug: row.company_slug ?? '', name: row.company_name ?? '' } : null,
  };
}
