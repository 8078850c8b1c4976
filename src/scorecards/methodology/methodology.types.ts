/** The shapes the scoring rules read and produce; plain data, no framework (see docs/methodology.md). */

export type VerificationStatus = 'draft' | 'submitted' | 'verified' | 'rejected';

/** Whether a record was made about the brand itself or about its group (company), which applies to all its brands. */
export type RecordLevel = 'brand' | 'group';

/** The catalogue's commitment types, as their string values. */
export type CommitmentType = `${import('../../kernel/as-of/commitment-type').CommitmentType}`;

export type FindingKind =
  'named_in_report' | 'uflpa_entity_list_supplier' | 'own_facility_in_region' | 'other';

export type FindingResponse =
  'responded_and_acted' | 'responded_without_action' | 'did_not_respond' | 'unknown';

export type DisclosureKind = 'tier1_supplier_list' | 'processing_tiers' | 'raw_material_traceability';

/**
 * Dates are calendar days, `YYYY-MM-DD`, compared as strings. `effectiveOn` is the day a dated statement counts
 * from (src/kernel/dates/known-date.ts: the last day it could have been made).
 */
export type IsoDate = string;

export interface ScoredCommitment {
  id: string;
  level: RecordLevel;
  type: CommitmentType;
  effectiveOn: IsoDate;
  supersedesId: string | null;
  status: VerificationStatus;
}

export interface ScoredFinding {
  id: string;
  level: RecordLevel;
  kind: FindingKind;
  publishedOn: IsoDate;
  /** When the link ended (e.g. the facility was sold); null while it holds. */
  endedOn: IsoDate | null;
  response: FindingResponse;
  status: VerificationStatus;
}

export interface ScoredDisclosure {
  id: string;
  level: RecordLevel;
  kind: DisclosureKind;
  disclosedOn: IsoDate;
  /** When the disclosure was taken down or went stale; null while it stands. */
  withdrawnOn: IsoDate | null;
  status: VerificationStatus;
}

/** Everything known about one brand and its group, of any status; the rules pick what counts as of a date. */
export interface ScoringInput {
  commitments: ScoredCommitment[];
  findings: ScoredFinding[];
  disclosures: ScoredDisclosure[];
}

export type IndicatorName = 'commitment' | 'disclosure' | 'exposureResponse' | 'consistency';

export interface IndicatorScore {
  indicator: IndicatorName;
  points: number;
  max: number;
  /** The ids of the verified records that produced (or cost) these points. */
  recordIds: string[];
  /** The rule of the published methodology that gave these points: an anchor of /methodology. */
  rule: MethodologyRule;
  explanation: string;
}

/** The rules /methodology publishes, each with an anchor of that name. */
export type MethodologyRule =
  | 'commitment'
  | 'disclosure'
  | 'response-no-findings'
  | 'response-average'
  | 'consistency'
  | 'own-facility-cap';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface BrandScore {
  methodologyVersion: string;
  asOf: IsoDate;
  assessed: boolean;
  /** 0-100, null when not assessed. */
  total: number | null;
  grade: Grade | null;
  indicators: IndicatorScore[];
  /** Set when the own-facility cap lowered the total. */
  cap: { appliedTo: number; recordIds: string[]; rule: MethodologyRule; explanation: string } | null;
}

export interface Methodology {
  version: string;
  publishedOn: IsoDate;
  commitment: { max: number; pointsByType: Partial<Record<CommitmentType, number>> };
  disclosure: { max: number; pointsByKind: Record<DisclosureKind, number> };
  exposureResponse: { max: number; shareByResponse: Record<FindingResponse, number> };
  consistency: { max: number; windowMonths: number; penaltyByKind: { retraction: number; denial: number } };
  ownFacilityCap: number;
  grades: Array<{ grade: Grade; min: number }>;
}
