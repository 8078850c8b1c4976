import { monthsBefore } from './dates';
import { commitmentsInForce, verifiedBy } from '../../kernel/as-of/as-of-rule';
import { COMMITMENT_TYPE_LABELS, DISCLOSURE_KIND_LABELS } from './labels';
import type {
  BrandScore,
  Grade,
  IndicatorScore,
  IsoDate,
  Methodology,
  ScoredFinding,
  ScoringInput,
} from './methodology.types';

/**
 * A brand's scorecard under a methodology, from verified records as of a date (DESIGN.md "Scorecard
 * methodology"). Pure: the same records and date always give the same card, so any past card can be replayed.
 */
export function scoreBrand(input: ScoringInput, asOf: IsoDate, methodology: Methodology): BrandScore {
  const commitments = verifiedBy(input.commitments, (c) => c.effectiveOn, asOf);
  const findings = verifiedBy(input.findings, (f) => f.publishedOn, asOf);
  const disclosures = verifiedBy(input.disclosures, (d) => d.disclosedOn, asOf);
  const base = { methodologyVersion: methodology.version, asOf };
  if (commitments.length + findings.length + disclosures.length === 0) {
    return { ...base, assessed: false, total: null, grade: null, indicators: [], cap: null };
  }
  const indicators = [
    commitmentIndicator(input, asOf, methodology),
    disclosureIndicator(input, asOf, methodology),
    exposureResponseIndicator(findings, methodology),
    consistencyIndicator(input, asOf, methodology),
  ];
  const uncapped = round(indicators.reduce((sum, indicator) => sum + indicator.points, 0));
  const facilities = findings.filter(
    (f) => f.kind === 'own_facility_in_region' && (f.endedOn === null || f.endedOn > asOf),
  );
  const cap =
    facilities.length > 0 && uncapped > methodology.ownFacilityCap
      ? {
          appliedTo: uncapped,
          recordIds: facilities.map((f) => f.id),
          explanation: `Operates its own facility in the region: capped at ${methodology.ownFacilityCap}`,
        }
      : null;
  const total = cap ? methodology.ownFacilityCap : uncapped;
  return { ...base, assessed: true, total, grade: gradeFor(total, methodology), indicators, cap };
}

export function gradeFor(total: number, methodology: Methodology): Grade {
  return (
    methodology.grades.find((band) => total >= band.min) ?? methodology.grades[methodology.grades.length - 1]
  ).grade;
}

function commitmentIndicator(input: ScoringInput, asOf: IsoDate, methodology: Methodology): IndicatorScore {
  const { max, pointsByType } = methodology.commitment;
  const scored = commitmentsInForce(input.commitments, asOf).map((c) => ({
    c,
    points: pointsByType[c.type] ?? 0,
  }));
  const best = scored.sort((a, b) => b.points - a.points)[0];
  if (!best) {
    return { indicator: 'commitment', points: 0, max, recordIds: [], explanation: 'No commitment in force' };
  }
  const via = best.c.level === 'group' ? ' (made by its group)' : '';
  return {
    indicator: 'commitment',
    points: Math.min(best.points, max),
    max,
    recordIds: [best.c.id],
    explanation: `${COMMITMENT_TYPE_LABELS[best.c.type]}, in force since ${best.c.effectiveOn}${via}`,
  };
}

function disclosureIndicator(input: ScoringInput, asOf: IsoDate, methodology: Methodology): IndicatorScore {
  const { max, pointsByKind } = methodology.disclosure;
  const standing = verifiedBy(input.disclosures, (d) => d.disclosedOn, asOf).filter(
    (d) => d.withdrawnOn === null || d.withdrawnOn > asOf,
  );
  const kinds = [...new Set(standing.map((d) => d.kind))];
  const points = Math.min(
    kinds.reduce((sum, kind) => sum + pointsByKind[kind], 0),
    max,
  );
  return {
    indicator: 'disclosure',
    points,
    max,
    recordIds: standing.map((d) => d.id),
    explanation: kinds.length
      ? `Discloses: ${kinds.map((kind) => DISCLOSURE_KIND_LABELS[kind]).join(', ')}`
      : 'No disclosure on record',
  };
}

function exposureResponseIndicator(findings: ScoredFinding[], methodology: Methodology): IndicatorScore {
  const { max, shareByResponse } = methodology.exposureResponse;
  if (findings.length === 0) {
    return {
      indicator: 'exposureResponse',
      points: max,
      max,
      recordIds: [],
      explanation: 'No exposure findings',
    };
  }
  const share = findings.reduce((sum, f) => sum + shareByResponse[f.response], 0) / findings.length;
  return {
    indicator: 'exposureResponse',
    points: round(share * max),
    max,
    recordIds: findings.map((f) => f.id),
    explanation: `Average response over ${findings.length} finding(s): ${Math.round(share * 100)}%`,
  };
}

function consistencyIndicator(input: ScoringInput, asOf: IsoDate, methodology: Methodology): IndicatorScore {
  const { max, windowMonths, penaltyByKind } = methodology.consistency;
  const windowStart = monthsBefore(asOf, windowMonths);
  const recent = verifiedBy(input.commitments, (c) => c.effectiveOn, asOf).filter(
    (c) => c.effectiveOn > windowStart,
  );
  const retractions = recent.filter((c) => c.type === 'retraction');
  const denials = recent.filter((c) => c.type === 'denial');
  const penalty =
    (retractions.length ? penaltyByKind.retraction : 0) + (denials.length ? penaltyByKind.denial : 0);
  const counted = [...retractions, ...denials];
  return {
    indicator: 'consistency',
    points: Math.max(0, max - penalty),
    max,
    recordIds: counted.map((c) => c.id),
    explanation: counted.length
      ? `Within ${windowMonths} months: ${retractions.length} retraction(s), ${denials.length} denial(s)`
      : `No retraction or denial within ${windowMonths} months`,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
