import type { EvidenceView } from '../evidence/sources/dto/evidence.view';
import { BrandRecord, levelOf } from './brand-record';
import type { CommitmentView } from '../claims/commitments/dto/commitment.view';
import { formatKnownDate } from '../kernel/dates/format-known-date';
import type { ScorecardEvidence, ScorecardPair, ScorecardRecord, ScorecardView } from './dto/scorecard.view';
import {
  BrandScore,
  CLOSURE_REASON_LABELS,
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
  const commitments = new Map(record.commitments.map((c) => [c.id, c]));
  for (const c of record.commitments) {
    byId.set(c.id, {
      record: 'commitment',
      id: c.id,
      level: levelOf(c),
      type: c.type,
      label: COMMITMENT_TYPE_LABELS[c.type],
      effectiveOn: c.effectiveOn,
      dated: formatKnownDate(c.statedOn, c.statedOnPrecision),
      endedOn: null,
      pairedWith: c.retractsId ? retracted(commitments.get(c.retractsId)) : null,
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
      dated: formatKnownDate(f.publishedOn, f.publishedOnPrecision),
      endedOn: f.endedOn,
      pairedWith: null,
      text: f.finding,
      evidence: evidence(f.evidence),
    });
  }
  for (const closure of record.closures) {
    const ended = byId.get(closure.findingId);
    byId.set(closure.id, {
      record: 'closure',
      id: closure.id,
      level: levelOf(closure),
      type: closure.reason,
      label: `Exposure ended: ${CLOSURE_REASON_LABELS[closure.reason].toLowerCase()}`,
      effectiveOn: closure.endedOn,
      dated: closure.endedOn,
      endedOn: null,
      pairedWith: {
        relation: 'ends',
        id: closure.findingId,
        summary: ended ? `${ended.label}, ${ended.dated}` : 'a finding that is not on the public record',
      },
      text: closure.summary,
      evidence: evidence(closure.evidence),
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
      dated: formatKnownDate(d.disclosedOn, d.disclosedOnPrecision),
      endedOn: d.withdrawnOn,
      pairedWith: null,
      text: d.summary ?? d.url,
      evidence: evidence(d.evidence),
    });
  }
  return byId;
}

/** What a retraction withdraws, as the timeline names it; a statement not on the public record stays unnamed. */
function retracted(statement: CommitmentView | undefined): ScorecardPair {
  if (!statement)
    return { relation: 'retracts', id: null, summary: 'a statement that is not on the public record' };
  const dated = formatKnownDate(statement.statedOn, statement.statedOnPrecision);
  return {
    relation: 'retracts',
    id: statement.id,
    summary: `${COMMITMENT_TYPE_LABELS[statement.type]} of ${dated}: ${statement.summary}`,
  };
}

/** `byId` is recordsById(record), passed by callers that also need it (the brand page's timeline). */
export function toScorecardView(
  record: BrandRecord,
  score: BrandScore,
  byId: Map<string, ScorecardRecord> = recordsById(record),
): ScorecardView {
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
          ruleUrl: `/methodology#${score.cap.rule}`,
          records: pick(score.cap.recordIds),
        }
      : null,
    indicators: score.indicators.map((indicator) => ({
      indicator: indicator.indicator,
      title: INDICATOR_LABELS[indicator.indicator],
      points: indicator.points,
      max: indicator.max,
      explanation: indicator.explanation,
      ruleUrl: `/methodology#${indicator.rule}`,
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
