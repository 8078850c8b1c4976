import { COMMITTING_TYPES_SQL, inForceForBrandsSql } from '../../kernel/as-of/in-force.sql';
import {
  brandFilterSql,
  type AsOfSource,
  type BrandSearchFilter,
  type SqlStatement,
} from './brand-search.sql';
import { standingTypesSql } from './brand-standing.sql';

/**
 * Counts for the campaigner filters: by sector, by country, and by commitment status (committed or not, and
 * per type in force). Counts are within the current filters, so each matches the list with that value
 * added as a filter.
 *
 * This reads every matching brand, so each brand's commitment status is computed once and the commitment
 * filter is applied to that status (`filtered`: sectors, hq_country, types, committed), rather than as a
 * subquery per brand. Example for `commitment=none&sector=apparel` ($1 statuses, $2 asOf, $3 sector):
 *
 *   WITH filtered AS (<each candidate brand's status> WHERE NOT committed)
 *   SELECT total, sectors, countries, committed, types FROM filtered
 */
export function brandFacetsSql(filter: BrandSearchFilter, source: AsOfSource = 'recomputed'): SqlStatement {
  const { where, values } = brandFilterSql({ ...filter, commitment: undefined }, source);
  let commitmentFilter = 'true';
  if (filter.commitment === 'any') commitmentFilter = 'committed';
  else if (filter.commitment === 'none') commitmentFilter = 'NOT committed';
  else if (filter.commitment) {
    values.push(filter.commitment);
    commitmentFilter = `$${values.length}::text = ANY (types)`;
  }
  const status = source === 'standings' ? standingStatusSql(where) : recomputedStatusSql(where);
  return {
    text: `
WITH ${status},
filtered AS MATERIALIZED (
  SELECT * FROM status WHERE ${commitmentFilter}
)
SELECT totals.total, totals.committed,
  (SELECT coalesce(json_agg(json_build_object('value', sector, 'count', n) ORDER BY n DESC, sector), '[]')
     FROM (SELECT unnest(sectors) AS sector, count(*)::int AS n FROM filtered GROUP BY 1) s) AS sectors,
  (SELECT coalesce(json_agg(json_build_object('value', hq_country, 'count', n) ORDER BY n DESC, hq_country), '[]')
     FROM (SELECT hq_country, count(*)::int AS n FROM filtered WHERE hq_country IS NOT NULL GROUP BY 1) c) AS countries,
  (SELECT coalesce(json_agg(json_build_object('value', type, 'count', n) ORDER BY n DESC, type), '[]')
     FROM (SELECT unnest(types) AS type, count(*)::int AS n FROM filtered GROUP BY 1) t) AS types
FROM (SELECT count(*)::int AS total, (count(*) FILTER (WHERE committed))::int AS committed FROM filtered) totals`,
    values,
  };
}

/**
 * Any day: the brands matching the other filters (`candidates`), then the commitments in force for them
 * (the as-of rule in its set-wise form, inForceForBrandsSql: joins the planner can hash), then each
 * candidate's types and whether one of them commits.
 */
function recomputedStatusSql(where: string): string {
  return `candidates AS MATERIALIZED (
  SELECT b.id, b.company_id, b.sectors, b.hq_country
  FROM brands b
  ${where}
),
in_force AS MATERIALIZED (
  SELECT DISTINCT brand_id, type FROM ${inForceForBrandsSql('candidates', '$2::date')} in_force
),
status AS (
  SELECT b.sectors, b.hq_country,
         coalesce(t.in_force_types, '{}') AS types, coalesce(t.any_committing, false) AS committed
  FROM candidates b
  LEFT JOIN (
    SELECT brand_id, array_agg(type) AS in_force_types,
           bool_or(type IN (${COMMITTING_TYPES_SQL})) AS any_committing
    FROM in_force GROUP BY brand_id
  ) t ON t.brand_id = b.id
)`;
}

/**
 * Today: one pass over brand_standings, recomputing only the rows that no longer hold today. OFFSET 0 keeps
 * the subquery whole, so the types expression (with the rule's subplans for stale rows) is planned and
 * evaluated once per row rather than once per reference.
 */
function standingStatusSql(where: string): string {
  return `status AS (
  SELECT sectors, hq_country, types, types && ARRAY[${COMMITTING_TYPES_SQL}]::text[] AS committed
  FROM (
    SELECT b.sectors, b.hq_country, ${standingTypesSql('b', '$2::date')} AS types
    FROM brand_standings b
    ${where}
    OFFSET 0
  ) standing
)`;
}

/** The one row of brandFacetsSql. */
export interface BrandFacetRow {
  total: number;
  sectors: Array<{ value: string; count: number }>;
  countries: Array<{ value: string; count: number }>;
  committed: number;
  types: Array<{ value: string; count: number }>;
}
