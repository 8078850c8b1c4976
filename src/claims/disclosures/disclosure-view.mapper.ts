import { toEvidenceView } from '../../evidence/sources/dto/evidence.view';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { canSee, Viewer } from '../../kernel/review/visibility';
import type { DisclosureView } from './dto/disclosure.view';
import type { DisclosureRow } from './disclosures.repository';

/** A disclosure for the API; its brand or group is named only when the reader may see it. */
export function toDisclosureView(row: DisclosureRow, evidence: Evidence[], viewer: Viewer): DisclosureView {
  const brandVisible =
    row.brand_slug !== null && row.brand_status !== null && canSee(viewer, row.brand_status);
  const companyVisible =
    row.company_slug !== null && row.company_status !== null && canSee(viewer, row.company_status);
  return {
    id: row.id,
    brand: brandVisible ? { slug: row.brand_slug ?? '', name: row.brand_name ?? '' } : null,
    company: companyVisible ? { slug: row.company_slug ?? '', name: row.company_name ?? '' } : null,
    level: row.brand_id !== null ? 'brand' : 'group',
    kind: row.kind,
    disclosedOn: row.disclosed_on,
    disclosedOnPrecision: row.disclosed_on_precision,
    effectiveOn: row.effective_on,
    withdrawnOn: row.withdrawn_on,
    url: row.url,
    summary: row.summary,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    reviewNote: row.review_note,
    evidence: evidence.map(toEvidenceView),
  };
}
