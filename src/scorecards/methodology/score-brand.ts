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
    exposureResponseIndicator(findings, asOf, methodology),
    consistencyIndicator(input, asOf, methodology),
  ];
  const uncapped = round(indicators.reduce((sum, indicator) => sum + indicator.points, 0));
  const facilities = findings.filter((f) => f.kind === 'own_facility_in_region' && holdsOn(f, asOf));
  const cap =
    facilities.length > 0 && uncapped > methodology.ownFacilityCap
      ? {
          appliedTo: uncapped,
          recordIds: facilities.map((f) => f.id),
          rule: 'own-facility-cap' as const,
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
    return {
      indicator: 'commitment',
      points: 0,
      max,
      recordIds: [],
      rule: 'commitment',
      explanation: 'No commitment in force on this day: no points',
    };
  }
  const via = best.c.level === 'group' ? ' (made by its group)' : '';
  return {
    indicator: 'commitment',
    points: Math.min(best.points, max),
    max,
    recordIds: [best.c.id],
    rule: 'commitment',
    explanation: `${COMMITMENT_TYPE_LABELS[best.c.type]}, in force since ${best.c.effectiveOn}${via}: ${Math.min(best.points, max)} points, the best commitment in force`,
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
    rule: 'disclosure',
    explanation: kinds.length
      ? `Discloses: ${kinds.map((kind) => DISCLOSURE_KIND_LABELS[kind]).join(', ')}`
      : 'No disclosure on record',
  };
}

/** A finding still holds on a day until it ended (recorded with it, or by its verified closure). */
function holdsOn(finding: ScoredFinding, asOf: IsoDate): boolean {
  return finding.endedOn === null || finding.endedOn > asOf;
}

/** Findings that ended by the day stay on the timeline but no longer weigh on the response (methodology). */
function exposureResponseIndicator(
  findings: ScoredFinding[],
  asOf: IsoDate,
  methodology: Methodology,
): IndicatorScore {
  const { max, shareByResponse } = methodology.exposureResponse;
  const open = findings.filter((f) => holdsOn(f, asOf));
  const ended = findings.length - open.length;
  const endedNote = ended ? `; ${ended} ended finding(s) not counted` : '';
  if (open.length === 0) {
    return {
      indicator: 'exposureResponse',
      points: max,
      max,
      recordIds: [],
      rule: 'response-no-findings',
      explanation: ended
        ? `No exposure finding holds on this day: full points${endedNote}`
        : 'No exposure findings on record: full points',
    };
  }
  const share = open.reduce((sum, f) => sum + shareByResponse[f.response], 0) / open.length;
  return {
    indicator: 'exposureResponse',
    points: round(share * max),
    max,
    recordIds: open.map((f) => f.id),
    rule: 'response-average',
    explanation: `Average response over ${open.length} finding(s): ${Math.round(share * 100)}%${endedNote}`,
  };
}

function consistencyIndicator(input: ScoringInput, asOf: IsoDate, methodology: Methodology): IndicatorScore {
  const { max, windowMonths, penaltyByKind } = methodology.consistency;
  const windowStart = monthsBefore(asOf, windowMonths);
  const known = verifiedBy(input.commitments, (c) => c.effectiveOn, asOf).filter(
    (c) => c.type === 'retraction' || c.type === 'denial',
  );
  const recent = known.filter((c) => c.effectiveOn > windowStart);
  const older = known.filter((c) => c.effectiveOn <= windowStart);
  const retractions = recent.filter((c) => c.type === 'retraction');
  const denials = recent.filter((c) => c.type === 'denial');
  const penalty =
    (retractions.length ? penaltyByKind.retraction : 0) + (denials.length ? penaltyByKind.denial : 0);
  // Say in place why an older retraction or denial costs nothing, so the card does not look wrong beside it.
  const notCounted = older.map(
    (c) => `${c.type} of ${c.effectiveOn} not counted: older than ${windowMonths} months`,
  );
  const counted = recent.length
    ? `Within ${windowMonths} months: ${retractions.length} retraction(s), ${denials.length} denial(s)`
    : `No retraction or denial within ${windowMonths} months: full points`;
  return {
    indicator: 'consistency',
    points: Math.max(0, max - penalty),
    max,
    recordIds: recent.map((c) => c.id),
    rule: 'consistency',
    explanation: [counted, ...notCounted].join('; '),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
