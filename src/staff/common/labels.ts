import { CommitmentType } from '../../kernel/as-of/commitment-type';
import { DatePrecision } from '../../kernel/dates/known-date';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { FindingKind, FindingResponse } from '../../claims/findings/finding-kind';
import type { Option } from './fields';

/** Words people read for the codes we store; one place, so every page says the same thing. */
export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  [CommitmentType.CallToActionPublic]: 'Call to Action, signed publicly',
  [CommitmentType.CallToActionPrivate]: 'Call to Action, reported (unconfirmed)',
  [CommitmentType.ThirdPartyPledge]: 'Third-party pledge',
  [CommitmentType.PolicyNoRegionSourcing]: 'Own policy: no sourcing from the region, all tiers',
  [CommitmentType.PolicyDirectSuppliersOnly]: 'Own policy: direct suppliers only',
  [CommitmentType.Denial]: 'Denial (no evidence of action)',
  [CommitmentType.Retraction]: 'Retraction',
  [CommitmentType.NoCommitment]: 'No commitment',
};

export const PRECISION_LABELS: Record<DatePrecision, string> = {
  [DatePrecision.Day]: 'That day',
  [DatePrecision.Month]: 'Some day that month',
  [DatePrecision.Year]: 'Some day that year',
  [DatePrecision.KnownBy]: 'On or before that day',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  [EvidenceKind.CompanyStatement]: 'Company statement',
  [EvidenceKind.NgoReport]: 'NGO report',
  [EvidenceKind.News]: 'News',
  [EvidenceKind.GovernmentList]: 'Government list',
  [EvidenceKind.CourtFiling]: 'Court filing',
  [EvidenceKind.Other]: 'Other',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  [FindingKind.NamedInReport]: 'Named in a report',
  [FindingKind.UflpaEntityListSupplier]: 'Supplier on the UFLPA Entity List',
  [FindingKind.OwnFacilityInRegion]: 'Own facility in the region',
  [FindingKind.Other]: 'Other',
};

export const FINDING_RESPONSE_LABELS: Record<FindingResponse, string> = {
  [FindingResponse.RespondedAndActed]: 'Responded and acted',
  [FindingResponse.RespondedWithoutAction]: 'Responded without action',
  [FindingResponse.DidNotRespond]: 'Did not respond',
  [FindingResponse.Unknown]: 'Unknown',
};

export const TIER_LABELS: Record<string, string> = {
  '1': 'Tier 1: manufacturing',
  '2': 'Tier 2: processing',
  '3': 'Tier 3: raw-material processing',
  '4': 'Tier 4: raw materials',
};

export function optionsOf<Code extends string>(labels: Record<Code, string>): Option[] {
  return (Object.entries(labels) as Array<[Code, string]>).map(([value, label]) => ({ value, label }));
}

/** "2024-05-02 14:03 UTC": unambiguous for a team spread over time zones. */
export function formatTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
