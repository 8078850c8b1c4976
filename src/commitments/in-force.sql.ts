import { COMMITTING_TYPES, sqlList } from './commitment-type';

/**
 * The as-of rule in SQL, written once and used by every query that asks "what holds for this brand on
 * day D" (docs/data-model.md). `c` is a commitments row that applies to the brand `b` (its own or its
 * group's); `asOf` is a SQL expression for D. A commitment is in force when:
 *   - it is verified and counts from on or before D (effective_on, see known-date.ts);
 *   - no verified commitment superseding it counts from on or before D;
 *   - unless it is itself a retraction: no verified retraction of the brand or of its group counts from
 *     a day between it and D (both ends included: a retraction dated the same day as the statement
 *     withdraws it).
 * Each subquery matches one partial index: idx_commitments_superseded_by, idx_commitments_*_retractions.
 */
export function inForceConditions(c: string, b: string, asOf: string): string {
  return `${c}.status = 'verified'
      AND ${c}.effective_on <= ${asOf}
      AND NOT EXISTS (
        SELECT 1 FROM commitments successor
        WHERE successor.supersedes_id = ${c}.id AND successor.supersedes_id IS NOT NULL
          AND successor.status = 'verified' AND successor.effective_on <= ${asOf})
      AND (${c}.type = 'retraction' OR (
        NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.brand_id = ${b}.id AND retraction.brand_id IS NOT NULL
            AND retraction.status = 'verified' AND retraction.type = 'retraction'
            AND retraction.effective_on BETWEEN ${c}.effective_on AND ${asOf})
        AND NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.company_id = ${b}.company_id AND retraction.company_id IS NOT NULL
            AND retraction.status = 'verified' AND retraction.type = 'retraction'
            AND retraction.effective_on BETWEEN ${c}.effective_on AND ${asOf})))`;
}

/**
 * Whether brand `b` has an in-force commitment whose type is in `typesSql` (a SQL list or parameter
 * array), by itself or through its group. Two EXISTS rather than one OR so each probes its own index
 * (idx_commitments_brand_in_force, idx_commitments_company_in_force).
 */
export function hasInForceCommitment(b: string, asOf: string, typesSql: string): string {
  return `(EXISTS (
      SELECT 1 FROM commitments own
      WHERE own.brand_id = ${b}.id AND own.brand_id IS NOT NULL AND own.type IN (${typesSql})
        AND ${inForceConditions('own', b, asOf)})
    OR EXISTS (
      SELECT 1 FROM commitments grp
      WHERE grp.company_id = ${b}.company_id AND grp.company_id IS NOT NULL AND grp.type IN (${typesSql})
        AND ${inForceConditions('grp', b, asOf)}))`;
}

/** The distinct types in force for brand `b` on day `asOf`, own and group, as a text[]. */
export function inForceTypes(b: string, asOf: string): string {
  return `ARRAY(
      SELECT DISTINCT applying.type::text FROM (
        SELECT own.* FROM commitments own WHERE own.brand_id = ${b}.id AND own.brand_id IS NOT NULL
        UNION ALL
        SELECT grp.* FROM commitments grp WHERE grp.company_id = ${b}.company_id AND grp.company_id IS NOT NULL
      ) applying
      WHERE ${inForceConditions('applying', b, asOf)}
      ORDER BY 1)`;
}

export const COMMITTING_TYPES_SQL = sqlList(COMMITTING_TYPES);
