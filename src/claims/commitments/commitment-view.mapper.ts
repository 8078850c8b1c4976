import { toEvidenceView } from '../../evidence/sources/dto/evidence.view';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { canSee, Viewer } from '../../kernel/review/visibility';
import type { CommitmentRow } from './commitments.repository';
import type { CommitmentView } from './dto/commitment.view';

/** A commitment for the API; its brand or group is named only when the reader may see it. */
export function toCommitmentView(
  row: CommitmentRow,
  evidence: Evidence[],
  viewer: Viewer,
  withInForce = true,
): CommitmentView {
  const brandVisible =
    row.brand_slug !== null && row.brand_status !== null && canSee(viewer, row.brand_status);
  const companyVisible =
    row.company_slug !== null && row.company_status !== null && canSee(viewer, row.company_status);
  return {
    id: row.id,
    brand: brandVisible ? { slug: row.brand_slug ?? '', name: row.brand_name ?? '' } : null,
    company: companyVisible ? { slug: row.company_slug ?? '', name: row.company_name ?? '' } : null,
    type: row.type,
    scope: row.scope,
    statedOn: row.stated_on,
    statedOnPrecision: row.stated_on_precision,
    effectiveOn: row.effective_on,
    summary: row.summary,
    supersedesId: row.supersedes_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    reviewNote: row.review_note,
    ...(withInForce ? { inForce: row.in_force } : {}),
    evidence: evidence.map(toEvidenceView),
  };
}
