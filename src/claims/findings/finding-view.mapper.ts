import { toEvidenceView } from '../../evidence/sources/dto/evidence.view';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { canSee, Viewer } from '../../kernel/review/visibility';
import type { FindingView } from './dto/finding.view';
import type { FindingRow } from './findings.repository';

export function toFindingView(row: FindingRow, evidence: Evidence[], viewer: Viewer): FindingView {
  const brandVisible =
    row.brand_slug !== null && row.brand_status !== null && canSee(viewer, row.brand_status);
  const companyVisible =
    row.company_slug !== null && row.company_status !== null && canSee(viewer, row.company_status);
  return {
    id: row.id,
    brand: brandVisible ? { slug: row.brand_slug ?? '', name: row.brand_name ?? '' } : null,
    company: companyVisible ? { slug: row.company_slug ?? '', name: row.company_name ?? '' } : null,
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
