import { COMMITTING_TYPES } from '../../kernel/as-of/commitment-type';
import type { CommitmentType, IsoDate, ScoredCommitment } from './methodology.types';

/** The catalogue's committing types; denials, retractions and "no commitment" statements are not commitments. */
const COMMITTING: ReadonlySet<CommitmentType> = new Set<CommitmentType>(COMMITTING_TYPES);

/** Verified statements known by the date: the only ones the public record is built from. */
export function verifiedBy<T extends { status: string }>(
  records: T[],
  date: (record: T) => IsoDate,
  asOf: IsoDate,
) {
  return records.filter((record) => record.status === 'verified' && date(record) <= asOf);
}

/**
 * The statements that stand as of a date: the same rule as src/commitments/in-force.sql.ts (docs/data-model.md,
 * "as of"), over one brand's records (its own and its group's). Verified, counting from on or before the date,
 * not superseded by a verified statement counting from by then, and, unless it is a retraction itself, not
 * withdrawn by a verified retraction counting from a day between it and the date (both ends included).
 */
export function statementsInForce(commitments: ScoredCommitment[], asOf: IsoDate): ScoredCommitment[] {
  const known = verifiedBy(commitments, (c) => c.effectiveOn, asOf);
  const supersededIds = new Set(known.map((c) => c.supersedesId).filter((id): id is string => id !== null));
  const retractions = known.filter((c) => c.type === 'retraction');
  return known.filter(
    (statement) =>
      !supersededIds.has(statement.id) &&
      (statement.type === 'retraction' ||
        !retractions.some((retraction) => retraction.effectiveOn >= statement.effectiveOn)),
  );
}

/** The committing statements in force as of a date. */
export function commitmentsInForce(commitments: ScoredCommitment[], asOf: IsoDate): ScoredCommitment[] {
  return statementsInForce(commitments, asOf).filter((c) => COMMITTING.has(c.type));
}
