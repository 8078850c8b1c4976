import { COMMITTING_TYPES } from './commitment-type';

/**
 * The as-of rule (docs/data-model.md, "as of") in TypeScript, for readers that hold one brand's records in
 * memory (the scoring engine, the public timeline). in-force.sql.ts beside it is the same rule in SQL for
 * the queries over many brands; test/kernel/as-of-rule.spec.ts holds the two to the same answers.
 */

/** A statement of position as the rule sees it: a commitment of the brand or of its group. */
export interface DatedStatement {
  id: string;
  type: string;
  /** The day it counts from (its stated date at its precision, see known-date.ts). */
  effectiveOn: string;
  supersedesId: string | null;
  status: string;
}

const COMMITTING: ReadonlySet<string> = new Set<string>(COMMITTING_TYPES);

/** Records counting from on or before the day: what was on the record then. */
export function knownBy<T>(records: T[], dateOf: (record: T) => string, asOf: string): T[] {
  return records.filter((record) => dateOf(record) <= asOf);
}

/** Verified records known by the day: the only ones the public record is built from. */
export function verifiedBy<T extends { status: string }>(
  records: T[],
  dateOf: (record: T) => string,
  asOf: string,
): T[] {
  return knownBy(records, dateOf, asOf).filter((record) => record.status === 'verified');
}

/**
 * The statements that stand on a day, over one brand's statements (its own and its group's): verified,
 * counting from on or before the day, not superseded by a verified statement counting from by then, and,
 * unless it is a retraction itself, not withdrawn by a verified retraction counting from a day between it
 * and the day (both ends included).
 */
export function statementsInForce<T extends DatedStatement>(statements: T[], asOf: string): T[] {
  const known = verifiedBy(statements, (s) => s.effectiveOn, asOf);
  const supersededIds = new Set(known.map((s) => s.supersedesId).filter((id): id is string => id !== null));
  const retractions = known.filter((s) => s.type === 'retraction');
  return known.filter(
    (statement) =>
      !supersededIds.has(statement.id) &&
      (statement.type === 'retraction' ||
        !retractions.some((retraction) => retraction.effectiveOn >= statement.effectiveOn)),
  );
}

/** The committing statements in force on a day; denials, retractions and "no commitment" are not commitments. */
export function commitmentsInForce<T extends DatedStatement>(statements: T[], asOf: string): T[] {
  return statementsInForce(statements, asOf).filter((s) => COMMITTING.has(s.type));
}
