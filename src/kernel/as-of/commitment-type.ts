/** Commitment types (DESIGN.md, "Commitment"). Stored as text with a CHECK so new types need no enum dance. */
export enum CommitmentType {
  /** Coalition to End Forced Labour in the Uyghur Region, Call to Action, signed publicly. */
  CallToActionPublic = 'call_to_action_public',
  /** Reported as signed, not confirmed publicly. */
  CallToActionPrivate = 'call_to_action_private',
  /** e.g. a pledge to cut suppliers named in a report. */
  ThirdPartyPledge = 'third_party_pledge',
  /** Own policy: no sourcing from the region at any tier. */
  PolicyNoRegionSourcing = 'policy_no_region_sourcing',
  PolicyDirectSuppliersOnly = 'policy_direct_suppliers_only',
  /** Denies exposure without evidence of action. */
  Denial = 'denial',
  /** A statement withdrawn, deleted or contradicted (e.g. in another language). */
  Retraction = 'retraction',
  NoCommitment = 'no_commitment',
}

export const COMMITMENT_TYPES = Object.values(CommitmentType);

/** The types that count as "committed" in the campaigner query; the rest are positions, not commitments. */
export const COMMITTING_TYPES: readonly CommitmentType[] = [
  CommitmentType.CallToActionPublic,
  CommitmentType.CallToActionPrivate,
  CommitmentType.ThirdPartyPledge,
  CommitmentType.PolicyNoRegionSourcing,
  CommitmentType.PolicyDirectSuppliersOnly,
];
