import {
  COMMITTING_TYPES_SQL,
  hasInForceCommitment,
  inForceForBrandsSql,
  inForceTypes,
} from '../../kernel/as-of/in-force.sql';
import type { CommitmentType } from '../../kernel/as-of/commitment-type';
import { hasVerifiedFinding } from '../../kernel/as-of/exposure.sql';
import type { ReviewStatus } from '../../kernel/review/review-status';

/** The campaigner's filters, already validated; `asOf` is an ISO date. */
export interface BrandSearchFilter {
  statuses: ReviewStatus[];
  asOf: string;
  /** A LIKE pattern over catalogue_search_text(name, aliases). */
  namePattern?: string;
  sector?: string;
  country?: string;
  commitment?: 'none' | 'any' | CommitmentType;
  exposed?: boolean;
  /** Holds an open, verified finding of a supplier on the UFLPA Entity List (own or group). */
  listedSupplier?: boolean;
}

/** The finding kind the listedSupplier filter reads (claims/findings/finding-kind.ts). */
const LISTED_SUPPLIER_KIND = 'uflpa_entity_list_supplier';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * The WHERE clause of the campaigner query: only fragments written here, values always as parameters.
 * Example for `commitment=none&sector=apparel` (parameters $1 statuses, $2 asOf, $3 sector):
 *
 *   WHERE b.status = ANY($1::text[])
 *     AND b.sectors @> ARRAY[$3]::text[]
 *     AND NOT (EXISTS (own verified in-force committing commitment)
 *              OR EXISTS (group's verified in-force committing commitment))
 */
export function brandFilterSql(filter: BrandSearchFilter): { where: string; values: unknown[] } {
  const values: unknown[] = [filter.statuses, filter.asOf];
  const asOf = '$2::date';
  const clauses = ['b.status = ANY($1::text[])'];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.namePattern)
    clauses.push(`catalogue_search_text(b.name, b.aliases) LIKE ${param(filter.namePattern)}`);
  if (filter.sector) clauses.push(`b.sectors @> ARRAY[${param(filter.sector)}]::text[]`);
  if (filter.country) clauses.push(`b.hq_country = ${param(filter.country)}`);
  if (filter.commitment === 'any') clauses.push(hasInForceCommitment('b', asOf, COMMITTING_TYPES_SQL));
  else if (filter.commitment === 'none')
    clauses.push(`NOT ${hasInForceCommitment('b', asOf, COMMITTING_TYPES_SQL)}`);
  else if (filter.commitment)
    clauses.push(hasInForceCommitment('b', asOf, `${param(filter.commitment)}::text`));
  if (filter.exposed === true) clauses.push(hasVerifiedFinding('b', asOf));
  if (filter.exposed === false) clauses.push(`NOT ${hasVerifiedFinding('b', asOf)}`);
  if (filter.listedSupplier === true) clauses.push(hasVerifiedFinding('b', asOf, LISTED_SUPPLIER_KIND));
  if (filter.listedSupplier === false)
    clauses.push(`NOT ${hasVerifiedFinding('b', asOf, LISTED_SUPPLIER_KIND)}`);
  return { where: `WHERE ${clauses.join('\n  AND ')}`, values };
}

/**
 * One page of brands in slug order (keyset: slug > the cursor's), with what holds for each as of the
 * date: the in-force commitment types and whether it is exposed. Those two columns are computed for the
 * page's rows only, after the LIMIT.
 */
export function brandPageSql(
  filter: BrandSearchFilter,
  afterSlug: string | undefined,
  limit: number,
): SqlStatement {
  const { where, values } = brandFilterSql(filter);
  values.push(afterSlug ?? null, limit);
  const after = `$${values.length - 1}`;
  const limitParam = `$${values.length}`;
  return {
    text: `
WITH page AS (
  SELECT b.* FROM brands b
  ${where}
    AND (${after}::text IS NULL OR b.slug > ${after}::text)
  ORDER BY b.slug
  LIMIT ${limitParam}
)
SELECT b.id, b.slug, b.name, b.aliases, b.sectors, b.hq_country, b.website, b.wikidata_id, b.lei,
       b.open_supply_hub_id, b.status, b.company_id, company.slug AS company_slug, company.name AS company_name,
       company.status AS company_status,
       ${inForceTypes('b', '$2::date')} AS commitment_types,
       ${hasVerifiedFinding('b', '$2::date')} AS exposed
FROM page b
LEFT JOIN companies company ON company.id = b.company_id
ORDER BY b.slug`,
    values,
  };
}

/**
 * Counts for the same filters: by sector, by country, and by commitment status (committed or not, and
 * per type in force). Counts are within the current filters, so each matches the list with that value
 * added as a filter.
 *
 * Unlike the page, this reads every matching brand, so each brand's commitment status is computed once,
 * set-wise: the brands matching the other filters (`candidates`), then the commitments in force for them
 * (the as-of rule in its set-wise form, inForceForBrandsSql: joins the planner can hash), then the
 * commitment filter applied to that status rather than as a subquery per brand. Example
 * for `commitment=none&sector=apparel` ($1 statuses, $2 asOf, $3 sector):
 *
 *   WITH candidates AS (SELECT id, company_id, sectors, hq_country FROM brands b
 *                       WHERE b.status = ANY($1) AND b.sectors @> ARRAY[$3]),
 *        in_force AS (inForceForBrandsSql('candidates', $2)),
 *        status AS (candidates LEFT JOIN (in-force types per brand)),
 *        filtered AS (SELECT * FROM status WHERE NOT committed)
 *   SELECT total, sectors, countries, committed, types FROM filtered
 */
export function brandFacetsSql(filter: BrandSearchFilter): SqlStatement {
  const { where, values } = brandFilterSql({ ...filter, commitment: undefined });
  let commitmentFilter = 'true';
  if (filter.commitment === 'any') commitmentFilter = 'committed';
  else if (filter.commitment === 'none') commitmentFilter = 'NOT committed';
  else if (filter.commitment) {
    values.push(filter.commitment);
    commitmentFilter = `$${values.length}::text = ANY (types)`;
  }
  return {
    text: `
WITH candidates AS MATERIALIZED (
  SELECT b.id, b.company_id, b.sectors, b.hq_country
  FROM brands b
  ${where}
),
in_force AS MATERIALIZED (
  SELECT DISTINCT brand_id, type FROM ${inForceForBrandsSql('candidates', '$2::date')} in_force
),
filtered AS MATERIALIZED (
  SELECT * FROM (
    SELECT b.id, b.sectors, b.hq_country,
           coalesce(t.in_force_types, '{}') AS types, coalesce(t.any_committing, false) AS committed
    FROM candidates b
    LEFT JOIN (
      SELECT brand_id, array_agg(type) AS in_force_types,
             bool_or(type IN (${COMMITTING_TYPES_SQL})) AS any_committing
      FROM in_force GROUP BY brand_id
    ) t ON t.brand_id = b.id
  ) status
  WHERE ${commitmentFilter}
)
SELECT
  (SELECT count(*) FROM filtered)::int AS total,
  (SELECT coalesce(json_agg(json_build_object('value', sector, 'count', n) ORDER BY n DESC, sector), '[]')
     FROM (SELECT unnest(sectors) AS sector, count(*)::int AS n FROM filtered GROUP BY 1) s) AS sectors,
  (SELECT coalesce(json_agg(json_build_object('value', hq_country, 'count', n) ORDER BY n DESC, hq_country), '[]')
     FROM (SELECT hq_country, count(*)::int AS n FROM filtered WHERE hq_country IS NOT NULL GROUP BY 1) c) AS countries,
  (SELECT count(*) FROM filtered WHERE committed)::int AS committed,
  (SELECT coalesce(json_agg(json_build_object('value', type, 'count', n) ORDER BY n DESC, type), '[]')
     FROM (SELECT type, count(*)::int AS n FROM filtered, unnest(types) AS type GROUP BY 1) t) AS types`,
    values,
  };
}

/** A row of the campaigner list (brandPageSql). */
export interface BrandSearchRow {
  id: string;
  slug: string;
  name: string;
  aliases: string[];
  sectors: string[];
  hq_country: string | null;
  website: string | null;
  wikidata_id: string | null;
  lei: string | null;
  open_supply_hub_id: string | null;
  status: ReviewStatus;
  company_id: string | null;
  company_slug: string | null;
  company_name: string | null;
  company_status: ReviewStatus | null;
  commitment_types: string[];
  exposed: boolean;
}

/** The one row of brandFacetsSql. */
export interface BrandFacetRow {
  total: number;
  sectors: Array<{ value: string; count: number }>;
  countries: Array<{ value: string; count: number }>;
  committed: number;
  types: Array<{ value: string; count: number }>;
}
