import { toEvidenceView, type EvidenceFields } from '../../evidence/sources/dto/evidence.view';
import type { Viewer } from '../../kernel/review/visibility';
import { visibleSubject } from '../claim-stack/claim-row';
import type { FindingView } from './dto/finding.view';
import type { FindingRow } from './findings.repository';

export function toFindingView(row: FindingRow, evidence: EvidenceFields[], viewer: Viewer): FindingView {
  return {
    id: row.id,
    ...visibleSubject(row, viewer),
    kind: row.kind,
    reportName: row.report_name,
    publishedOn: row.published_on,
    publishedOnPrecision: row.published_on_precision,
    effectiveOn: row.effective_on,
    finding: row.finding,
    response: row.response,
    endedOn: row.ended_on,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    reviewNote: row.review_note,
    evidence: evidence.map(toEvidenceView),
  };
}
