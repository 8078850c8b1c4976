import { toEvidenceView, type EvidenceFields } from '../../evidence/sources/dto/evidence.view';
import type { Viewer } from '../../kernel/review/visibility';
import { visibleSubject } from '../claim-stack/claim-row';
import type { CommitmentRow } from './commitments.repository';
import type { CommitmentView } from './dto/commitment.view';

/** A commitment for the API; its brand or group is named only when the reader may see it. */
export function toCommitmentView(
  row: CommitmentRow,
  evidence: EvidenceFields[],
  viewer: Viewer,
  withInForce = true,
): CommitmentView {
  return {
    id: row.id,
    ...visibleSubject(row, viewer),
    type: row.type,
    scope: row.scope,
    statedOn: row.stated_on,
    statedOnPrecision: row.stated_on_precision,
    effectiveOn: row.effective_on,
    summary: row.summary,
    supersedesId: row.supersedes_id,
    retractsId: row.retracts_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    reviewNote: row.review_note,
    ...(withInForce ? { inForce: row.in_force } : {}),
    evidence: evidence.map(toEvidenceView),
  };
}
