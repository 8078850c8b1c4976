import { toEvidenceView, type EvidenceFields } from '../../evidence/sources/dto/evidence.view';
import type { Viewer } from '../../kernel/review/visibility';
import { visibleSubject } from '../claim-stack/claim-row';
import type { DisclosureView } from './dto/disclosure.view';
import type { DisclosureRow } from './disclosures.repository';

/** A disclosure for the API; its brand or group is named only when the reader may see it. */
export function toDisclosureView(
  row: DisclosureRow,
  evidence: EvidenceFields[],
  viewer: Viewer,
): DisclosureView {
  return {
    id: row.id,
    ...visibleSubject(row, viewer),
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
