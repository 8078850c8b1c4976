import type { CommitmentType, IsoDate, ScoredCommitment } from './methodology.types';

/** Types that are a commitment to act; denials, retractions and "no commitment" statements are not. */
export const COMMITTING_TYPES: ReadonlySet<CommitmentType> = new Set([
  'call_to_action_public',
  'call_to_action_private',
  'third_party_pledge',
  'policy_no_region_sourcing',
  'policy_direct_suppliers_only',
]);

/** Verified statements known by the date: the only ones the public record is built from. */
export function verifiedBy<T extends { status: string }>(
  records: T[],
  date: (record: T) => IsoDate,
  asOf: IsoDate,
) {
  return records.filter((record) => record.status === 'verified' && date(record) <= asOf);
}

/**
 * The statements that stand as of a date (docs/data-model.md, "as of"): verified, stated by then, not
 * superseded by a verified statement stated by then, and not ended by a verified retraction stated after them
 * and by then. A retraction about the group ends the group's statements and those of its brands; one about a
 * brand ends what applied to that brand.
 */
export function statementsInForce(commitments: ScoredCommitment[], asOf: IsoDate): ScoredCommitment[] {
  const known = verifiedBy(commitments, (c) => c.statedOn, asOf);
  const supersededIds = new Set(known.map((c) => c.supersedesId).filter((id): id is string => id !== null));
  const retractions = known.filter((c) => c.type === 'retraction');
  return known.filter(
    (statement) =>
      !supersededIds.has(statement.id) &&
      !retractions.some((retraction) => retraction !== statement && retraction.statedOn > statement.statedOn),
  );
}

/** The committing statements in force as of a date. */
export function commitmentsInForce(commitments: ScoredCommitment[], asOf: IsoDate): ScoredCommitment[] {
  return statementsInForce(commitments, asOf).filter((c) => COMMITTING_TYPES.has(c.type));
}
