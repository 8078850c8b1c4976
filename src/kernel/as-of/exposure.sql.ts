/**
 * Whether brand `b` has a verified exposure finding, its own or its group's, known on day `asOf`. A
 * finding that has ended (e.g. a facility sold) still counts: the link happened. The scorecard reads
 * ended_on for the cap that only holds while a facility is operated. Served by
 * idx_exposure_findings_brand_verified and idx_exposure_findings_company_verified.
 */
export function hasVerifiedFinding(b: string, asOf: string): string {
  return `(EXISTS (
      SELECT 1 FROM exposure_findings own
      WHERE own.brand_id = ${b}.id AND own.brand_id IS NOT NULL
        AND own.status = 'verified' AND own.effective_on <= ${asOf})
    OR EXISTS (
      SELECT 1 FROM exposure_findings grp
      WHERE grp.company_id = ${b}.company_id AND grp.company_id IS NOT NULL
        AND grp.status = 'verified' AND grp.effective_on <= ${asOf}))`;
}
