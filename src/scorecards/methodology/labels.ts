import type {
  CommitmentType,
  DisclosureKind,
  FindingKind,
  FindingResponse,
  IndicatorName,
} from './methodology.types';

/** Plain-language names for the record types the rules read, shared by explanations, pages and docs. */
export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  call_to_action_public: 'Signed the Call to Action publicly',
  call_to_action_private: 'Reported as signing the Call to Action (not public)',
  third_party_pledge: 'Third-party pledge',
  policy_no_region_sourcing: 'Own policy: no sourcing from the region at any tier',
  policy_direct_suppliers_only: 'Own policy covering direct suppliers only',
  denial: 'Denied exposure without evidence of action',
  retraction: 'Retracted or contradicted a statement',
  no_commitment: 'No commitment',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  named_in_report: 'Named in a report',
  uflpa_entity_list_supplier: 'Supplier on the UFLPA Entity List',
  // Neutral on time: the timeline says when it ended (a facility sold keeps its finding as history).
  own_facility_in_region: 'Own facility in the region',
  other: 'Other documented link',
};

export const FINDING_RESPONSE_LABELS: Record<FindingResponse, string> = {
  responded_and_acted: 'Responded and acted',
  responded_without_action: 'Responded without action',
  did_not_respond: 'Did not respond',
  unknown: 'Response not known',
};

export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  tier1_supplier_list: 'Tier-1 supplier list',
  processing_tiers: 'Processing tiers',
  raw_material_traceability: 'Raw-material traceability',
};

export const INDICATOR_LABELS: Record<IndicatorName, string> = {
  commitment: 'Commitment',
  disclosure: 'Traceability and disclosure',
  exposureResponse: 'Response to exposure',
  consistency: 'Consistency',
};

/** Why a finding ended (claims/findings/closures). */
export const CLOSURE_REASON_LABELS: Record<
  'facility_sold' | 'facility_closed' | 'relationship_ended' | 'claim_withdrawn',
  string
> = {
  facility_sold: 'Facility sold',
  facility_closed: 'Facility closed',
  relationship_ended: 'Supplier relationship ended',
  claim_withdrawn: 'Claim withdrawn by its source',
};
