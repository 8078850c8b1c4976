import { sqlList } from '../../platform/database/sql-list';
import { COMMITTING_TYPES } from './commitment-type';

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
  return `${standsOn(c, asOf)}
      AND (${c}.type = 'retraction' OR (
        NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.brand_id = ${b}.id AND retraction.brand_id IS NOT NULL
            AND ${isRetractionBy('retraction', asOf)}
            AND retraction.effective_on >= ${c}.effective_on)
        AND NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.company_id = ${b}.company_id AND retraction.company_id IS NOT NULL
            AND ${isRetractionBy('retraction', asOf)}
            AND retraction.effective_on >= ${c}.effective_on)))`;
}

/** Rule parts 2 and 3: verified, counting from on or before D, and no verified successor counting by D. */
function standsOn(c: string, asOf: string): string {
  return `${c}.status = 'verified'
      AND ${c}.effective_on <= ${asOf}
      AND NOT EXISTS (
        SELECT 1 FROM commitments successor
        WHERE successor.supersedes_id = ${c}.id AND successor.supersedes_id IS NOT NULL
          AND successor.status = 'verified' AND successor.effective_on <= ${asOf})`;
}

/** A verified retraction counting from on or before D (it may end the commitments before it). */
function isRetractionBy(r: string, asOf: string): string {
  return `${r}.status = 'verified' AND ${r}.type = 'retraction' AND ${r}.effective_on <= ${asOf}`;
}

/**
 * The same rule for many brands at once, as rows `(brand_id, type)`: the commitments in force on D for
 * each brand of `brands` (a relation with columns `id`, `company_id`), own and group's, one row per
 * commitment. Used where every brand of a large set is judged (facets), so that it is all joins the
 * planner can hash instead of subqueries per commitment. Part 4 is written differently but means the
 * same: "no retraction of the brand or its group counting from a day between c and D" holds exactly
 * when c counts from after the LAST such retraction counting by D (`last_retraction`), or there is none.
 * test/catalogue/brand-query.spec.ts checks that facets (this form) agree with the list (the form above).
 */
export function inForceForBrandsSql(brands: string, asOf: string): string {
  const applying = (join: string) => `
      SELECT b.id AS brand_id, c.type::text AS type, c.effective_on
      FROM ${brands} b JOIN commitments c ON ${join}
      WHERE ${standsOn('c', asOf)}`;
  const retractions = (join: string) => `
      SELECT b.id AS brand_id, r.effective_on
      FROM ${brands} b JOIN commitments r ON ${join}
      WHERE ${isRetractionBy('r', asOf)}`;
  return `(
    SELECT applying.brand_id, applying.type
    FROM (${applying('c.brand_id = b.id')}
      UNION ALL ${applying('c.company_id = b.company_id')}) applying
    LEFT JOIN (
      SELECT brand_id, max(effective_on) AS effective_on
      FROM (${retractions('r.brand_id = b.id')}
        UNION ALL ${retractions('r.company_id = b.company_id')}) retractions
      GROUP BY brand_id) last_retraction ON last_retraction.brand_id = applying.brand_id
    WHERE applying.type = 'retraction' OR last_retraction.effective_on IS NULL
       OR applying.effective_on > last_retraction.effective_on)`;
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
