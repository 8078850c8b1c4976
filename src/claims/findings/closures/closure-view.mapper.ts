import { toEvidenceView, type EvidenceFields } from '../../../evidence/sources/dto/evidence.view';
import type { Viewer } from '../../../kernel/review/visibility';
import { visibleSubject } from '../../claim-stack/claim-row';
import type { ClosureRow } from './closures.repository';
import type { ClosureView } from './dto/closure.view';

/** A closure for the API; its brand or group is named only when the reader may see it. */
export function toClosureView(row: ClosureRow, evidence: EvidenceFields[], viewer: Viewer): ClosureView {
  return {
    id: row.id,
    findingId: row.finding_id,
    ...visibleSubject(row, viewer),
    endedOn: row.ended_on,
    reason: row.reason,
    summary: row.summary,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    reviewNote: row.review_note,
    evidence: evidence.map(toEvidenceView),
  };
}
