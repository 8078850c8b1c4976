import type { EvidenceView } from '../evidence/sources/dto/evidence.view';
import { BrandRecord, levelOf } from './brand-record';
import type { ScorecardEvidence, ScorecardRecord, ScorecardView } from './dto/scorecard.view';
import {
  BrandScore,
  COMMITMENT_TYPE_LABELS,
  DISCLOSURE_KIND_LABELS,
  FINDING_KIND_LABELS,
  FINDING_RESPONSE_LABELS,
  INDICATOR_LABELS,
} from './methodology';
import { toEvidenceArchive } from './evidence-archive.mapper';

/** Every verified record of a brand's record by id, in the shape a scorecard shows it. */
export function recordsById(record: BrandRecord): Map<string, ScorecardRecord> {
  const evidence = (items: EvidenceView[]) => items.map((item) => toScorecardEvidence(item, record));
  const byId = new Map<string, ScorecardRecord>();
  for (const c of record.commitments) {
    byId.set(c.id, {
      record: 'commitment',
      id: c.id,
      level: levelOf(c),
      type: c.type,
      label: COMMITMENT_TYPE_LABELS[c.type],
      effectiveOn: c.effectiveOn,
      text: c.summary,
      evidence: evidence(c.evidence),
    });
  }
  for (const f of record.findings) {
    byId.set(f.id, {
      record: 'finding',
      id: f.id,
      level: levelOf(f),
      type: f.kind,
      label: `${FINDING_KIND_LABELS[f.kind]}${f.reportName ? `: ${f.reportName}` : ''} (${FINDING_RESPONSE_LABELS[f.response].toLowerCase()})`,
      effectiveOn: f.effectiveOn,
      text: f.finding,
      evidence: evidence(f.evidence),
    });
  }
  for (const d of record.disclosures) {
    byId.set(d.id, {
      record: 'disclosure',
      id: d.id,
      level: d.level,
      type: d.kind,
      label: DISCLOSURE_KIND_LABELS[d.kind],
      effectiveOn: d.effectiveOn,
      text: d.summary ?? d.url,
      evidence: evidence(d.evidence),
    });
  }
  return byId;
}

export function toScorecardView(record: BrandRecord, score: BrandScore): ScorecardView {
  const byId = recordsById(record);
  const pick = (ids: string[]) =>
    ids.map((id) => byId.get(id)).filter((found): found is ScorecardRecord => found !== undefined);
  return {
    brand: { slug: record.brand.slug, name: record.brand.name },
    group: record.group,
    methodologyVersion: score.methodologyVersion,
    asOf: score.asOf,
    assessed: score.assessed,
    total: score.total,
    grade: score.grade,
    cap: score.cap
      ? {
          appliedTo: score.cap.appliedTo,
          explanation: score.cap.explanation,
          records: pick(score.cap.recordIds),
        }
      : null,
    indicators: score.indicators.map((indicator) => ({
      indicator: indicator.indicator,
      title: INDICATOR_LABELS[indicator.indicator],
      points: indicator.points,
      max: indicator.max,
      explanation: indicator.explanation,
      records: pick(indicator.recordIds),
    })),
  };
}

function toScorecardEvidence(item: EvidenceView, record: BrandRecord): ScorecardEvidence {
  const capture = record.captures.get(item.id);
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    publisher: item.publisher,
    kind: item.kind,
    publishedOn: item.publishedOn,
    capture:
      capture?.state === 'archived' && capture.originalCapturedAt
        ? {
            href: `/api/evidence/${item.id}/capture`,
            versions: capture.versions,
            originalCapturedAt: capture.originalCapturedAt,
          }
        : null,
    archive: toEvidenceArchive(item.id, capture),
  };
}
