import { claimSubjectSql } from '../claims/claim-stack/claim-row';
import { COMMITMENT_COLUMNS } from '../claims/commitments/commitments.repository';
import { DISCLOSURE_COLUMNS } from '../claims/disclosures/disclosures.repository';
import { CLOSURE_COLUMNS } from '../claims/findings/closures/closures.repository';
import { FINDING_COLUMNS } from '../claims/findings/findings.repository';
import { captureSummariesSql } from '../evidence/captures/capture-summaries';
import { LINK_TABLES } from '../evidence/sources/evidence.repository';
import { inForceConditions } from '../kernel/as-of/in-force.sql';

/** How many records of each kind a brand's record holds at most (the per-service loads had the same caps). */
const RECORDS_CAP = 1000;
const CLOSURES_CAP = 200;

/** Evidence of every owner kind, as (owner_id, evidence_id) over the owners already selected in `<kind>_rows`. */
const LINKS = (['commitment', 'finding', 'disclosure', 'closure'] as const)
  .map((owner) => {
    const { table, column } = LINK_TABLES[owner];
    return `SELECT ${column} AS owner_id, evidence_id FROM ${table} WHERE ${column} IN (SELECT id FROM ${owner}_rows)`;
  })
  .join('\n      UNION ALL ');

/**
 * The rows of a claim table (`table` is "<name> <alias>") about the brand `b` or its group, named as
 * claimSubjectSql names them, in the order and up to the cap of the claim's per-brand list.
 */
function ofBrandOrGroup(part: { columns: string; table: string; where: string; order: string }): string {
  const alias = part.table.split(' ')[1];
  return `
  SELECT ${part.columns}
  FROM b JOIN ${part.table}
    ON ${alias}.brand_id = b.id OR (b.company_id IS NOT NULL AND ${alias}.company_id = b.company_id)
  ${claimSubjectSql(alias).joins}
  WHERE ${part.where}
  ORDER BY ${part.order}
  LIMIT ${RECORDS_CAP}`;
}

/**
 * A brand's whole public record in one statement ($1 slug, $2 the same reference when it is a UUID, $3 the
 * day): the brand and its group, the group's verified brands, the verified commitments (each with whether it
 * is in force on the day, by the as-of rule of kernel/as-of), findings known by the day (with their ends,
 * kernel/as-of/exposure.sql.ts), disclosures, the verified closures of those findings, their verified evidence
 * and its capture summaries, each aggregated to JSON in Postgres. Every claim CTE selects the columns its own
 * repository selects, so the rows map through the claims' own view mappers. Each part keeps the order and cap
 * of the per-service query it replaces (test/scorecards/brand-record-load.spec.ts compares the two), and each
 * is served by that query's index (idx_<claim>_brand / _company, idx_finding_closures_finding, the link
 * tables' primary keys, uq_evidence_captures_version).
 */
export const BRAND_RECORD_SQL = `
WITH b AS (
  SELECT b.id, b.slug, b.name, b.aliases, b.sectors, b.hq_country, b.website, b.company_id, b.status,
         co.slug AS company_slug, co.name AS company_name, co.status AS company_status
  FROM brands b LEFT JOIN companies co ON co.id = b.company_id
  WHERE b.slug = $1 OR b.id = $2::uuid
  LIMIT 1
),
commitment_rows AS (${ofBrandOrGroup({
  columns: `${COMMITMENT_COLUMNS}, (${inForceConditions('c', 'b', '$3::date')}) AS in_force`,
  table: 'commitments c',
  where: "c.status = 'verified'",
  order: 'c.stated_on DESC, c.id DESC',
})}),
finding_rows AS (${ofBrandOrGroup({
  columns: FINDING_COLUMNS,
  table: 'exposure_findings f',
  where: "f.status = 'verified' AND f.effective_on <= $3::date",
  order: 'f.created_at DESC, f.id DESC',
})}),
disclosure_rows AS (${ofBrandOrGroup({
  columns: DISCLOSURE_COLUMNS,
  table: 'disclosures d',
  where: "d.status = 'verified'",
  order: 'd.disclosed_on DESC, d.id DESC',
})}),
closure_rows AS (
  SELECT ${CLOSURE_COLUMNS}
  FROM finding_closures fc
  ${claimSubjectSql('fc').joins}
  WHERE fc.status = 'verified' AND fc.finding_id IN (SELECT id FROM finding_rows)
  ORDER BY fc.created_at, fc.id
  LIMIT ${CLOSURES_CAP}
),
evidence_rows AS (
  SELECT link.owner_id, e.id, e.url, e.document_ref, e.title, e.publisher, e.kind, e.published_on::text,
         e.accessed_on::text, e.status, e.created_at, e.review_note
  FROM (${LINKS}) link
  JOIN evidence e ON e.id = link.evidence_id
  WHERE e.status = 'verified'
),
capture_rows AS (${captureSummariesSql('(SELECT DISTINCT id AS evidence_id FROM evidence_rows) e')})
SELECT
  (SELECT row_to_json(b) FROM b) AS brand,
  (SELECT coalesce(json_agg(s ORDER BY s.slug), '[]') FROM (
     SELECT s.id, s.slug, s.name FROM b JOIN brands s ON s.company_id = b.company_id
     WHERE s.status = 'verified' ORDER BY s.slug LIMIT $4) s) AS siblings,
  (SELECT coalesce(json_agg(r ORDER BY r.stated_on DESC, r.id DESC), '[]') FROM commitment_rows r) AS commitments,
  (SELECT coalesce(json_agg(r ORDER BY r.created_at DESC, r.id DESC), '[]') FROM finding_rows r) AS findings,
  (SELECT coalesce(json_agg(r ORDER BY r.disclosed_on DESC, r.id DESC), '[]') FROM disclosure_rows r) AS disclosures,
  (SELECT coalesce(json_agg(r ORDER BY r.created_at, r.id), '[]') FROM closure_rows r) AS closures,
  (SELECT coalesce(json_agg(r ORDER BY r.owner_id, r.created_at, r.id), '[]') FROM evidence_rows r) AS evidence,
  (SELECT coalesce(json_agg(r), '[]') FROM capture_rows r) AS captures`;
