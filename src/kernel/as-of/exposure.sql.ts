/**
 * The day exposure finding `f` ended, or NULL while it holds: the end recorded with the finding itself, or
 * the day of its verified closure (finding_closures, served by idx_finding_closures_finding). Every reader
 * that asks whether a link still holds on a day goes through this: the list, the scorecard, facets, exports.
 */
export function findingEndSql(f: string): string {
  return `coalesce(${f}.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = ${f}.id AND closure.status = 'verified'))`;
}

/**
 * Whether brand `b` is exposed on day `asOf`: it has a verified exposure finding, its own or its group's,
 * known by then and not ended by then (a facility sold, a supplier relationship ended, a claim withdrawn).
 * The finding stays on the record as history; it no longer makes the brand "exposed" from its end day.
 * Served by idx_exposure_findings_brand_verified and idx_exposure_findings_company_verified. `kind`, a
 * finding kind from code (never user input), narrows it (e.g. a supplier on the UFLPA Entity List).
 */
export function hasVerifiedFinding(b: string, asOf: string, kind?: string): string {
  const holds = (f: string) =>
    `${f}.status = 'verified' AND ${f}.effective_on <= ${asOf}
        AND coalesce(${findingEndSql(f)} > ${asOf}, true)${kind ? ` AND ${f}.kind = '${kind}'` : ''}`;
  return `(EXISTS (
      SELECT 1 FROM exposure_findings own
      WHERE own.brand_id = ${b}.id AND own.brand_id IS NOT NULL
        AND ${holds('own')})
    OR EXISTS (
      SELECT 1 FROM exposure_findings grp
      WHERE grp.company_id = ${b}.company_id AND grp.company_id IS NOT NULL
        AND ${holds('grp')}))`;
}
