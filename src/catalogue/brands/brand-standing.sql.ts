import { inForceTypes } from '../../kernel/as-of/in-force.sql';
import { findingEndSql, hasVerifiedFinding } from '../../kernel/as-of/exposure.sql';

/** The finding kind the listedSupplier filter reads (claims/findings/finding-kind.ts). */
export const LISTED_SUPPLIER_KIND = 'uflpa_entity_list_supplier';

/**
 * brand_standings (migrations/1796730000000-BrandStandings.ts) keeps, per brand, what the campaigner's filters
 * ask of the as-of rule, computed for one day (`computed_on`) and good until the first later day on which any
 * of the brand's verified records can change the answer (`valid_until`, NULL when none can). Triggers on the
 * brands, commitments, findings and closures recompute the rows a write touches in the same transaction; a
 * day passing is no write, so a reader for day D uses a row only while it holds on D (`standingHoldsSql`) and
 * recomputes the others inline from the kernel's rule. The worker's daily refresh only keeps that rest small.
 */
export function standingHoldsSql(s: string, asOf: string): string {
  return `(${s}.computed_on <= ${asOf} AND coalesce(${s}.valid_until > ${asOf}, true))`;
}

/** The commitment types in force for the standing row `s` on `asOf` (sorted, distinct: as inForceTypes). */
export function standingTypesSql(s: string, asOf: string): string {
  return `(CASE WHEN ${standingHoldsSql(s, asOf)} THEN ${s}.commitment_types ELSE ${inForceTypes(s, asOf)} END)`;
}

/** Whether the brand of standing row `s` is exposed on `asOf` (with `kind`: through a listed supplier). */
export function standingExposedSql(s: string, asOf: string, kind?: string): string {
  const column = kind ? 'listed_supplier' : 'exposed';
  return `(CASE WHEN ${standingHoldsSql(s, asOf)} THEN ${s}.${column} ELSE ${hasVerifiedFinding(s, asOf, kind)} END)`;
}

/**
 * The first day after `asOf` on which brand `b`'s answers can change without a write: a verified commitment
 * (own or group's: a statement, a successor or a retraction) or a finding starting to count, or a finding
 * ending (findingEndSql). NULL when no such day is recorded.
 */
export function nextChangeSql(b: string, asOf: string): string {
  const subjects = (table: string, alias: string, day: string) => `
      SELECT ${day} AS day FROM ${table} ${alias}
      WHERE ${alias}.brand_id = ${b}.id AND ${alias}.status = 'verified' AND ${day} > ${asOf}
      UNION ALL
      SELECT ${day} FROM ${table} ${alias}
      WHERE ${alias}.company_id = ${b}.company_id AND ${alias}.status = 'verified' AND ${day} > ${asOf}`;
  return `(SELECT min(day) FROM (${subjects('commitments', 'c', 'c.effective_on')}
      UNION ALL ${subjects('exposure_findings', 'f', 'f.effective_on')}
      UNION ALL ${subjects('exposure_findings', 'f', findingEndSql('f'))}) days)`;
}

/**
 * The body of refresh_brand_standings(brand_ids uuid[], as_of date): recomputes the rows of these brands for
 * that day. The migration holds this text frozen; test/catalogue/brand-standings-days.spec.ts fails when the
 * kernel's rule moves away from it (a new migration must then redefine the function).
 *
 * It locks the rows first, in id order (so two refreshes of overlapping groups cannot deadlock), and computes
 * in a second statement: a volatile SQL function takes a fresh snapshot per statement, so a transaction that
 * waited for another's lock computes with that one's commit in view, and the last writer never stores an
 * answer that misses the other's record.
 */
export function refreshBrandStandingsBody(): string {
  return `
SELECT 1 FROM brand_standings WHERE id = ANY (brand_ids) ORDER BY id FOR UPDATE;
INSERT INTO brand_standings AS s (id, slug, status, sectors, hq_country, company_id, commitment_types, exposed,
                                  listed_supplier, computed_on, valid_until)
SELECT b.id, b.slug, b.status, b.sectors, b.hq_country, b.company_id,
       ${inForceTypes('b', 'as_of')},
       ${hasVerifiedFinding('b', 'as_of')},
       ${hasVerifiedFinding('b', 'as_of', LISTED_SUPPLIER_KIND)},
       as_of,
       ${nextChangeSql('b', 'as_of')}
FROM brands b
WHERE b.id = ANY (brand_ids)
ORDER BY b.id
ON CONFLICT (id) DO UPDATE SET
  slug = excluded.slug, status = excluded.status, sectors = excluded.sectors, hq_country = excluded.hq_country,
  company_id = excluded.company_id, commitment_types = excluded.commitment_types, exposed = excluded.exposed,
  listed_supplier = excluded.listed_supplier, computed_on = excluded.computed_on,
  valid_until = excluded.valid_until
`;
}
