import { COMMITTING_TYPES_SQL, hasInForceCommitment, inForceTypes } from '../../kernel/as-of/in-force.sql';
import type { CommitmentType } from '../../kernel/as-of/commitment-type';
import { hasVerifiedFinding } from '../../kernel/as-of/exposure.sql';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { LISTED_SUPPLIER_KIND, standingExposedSql, standingTypesSql } from './brand-standing.sql';

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

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * Where a query gets what the as-of rule says of each brand: `recomputed` from the records (any day: the
 * kernel's rule over every candidate brand), or read from `standings` (brand_standings, kept on writes; only
 * for today, the day its rows are computed for, where the rows that no longer hold are recomputed inline).
 * Both answer the same (test/catalogue/brand-standings.spec.ts).
 */
export type AsOfSource = 'recomputed' | 'standings';

/** The as-of questions the filters ask of brand `b` (a brands row, or a brand_standings row), per source. */
interface AsOfReader {
  table: string;
  /** Whether `b` has a commitment in force whose type is in `typesSql` (a SQL list or a text parameter). */
  hasType(b: string, asOf: string, typesSql: string): string;
  /** The distinct commitment types in force for `b`, sorted, as a text[]. */
  types(b: string, asOf: string): string;
  exposed(b: string, asOf: string, kind?: string): string;
  /** Whether `b`'s name or an alias matches the LIKE parameter `pattern` (idx_brands_names_trgm). */
  named(b: string, pattern: string): string;
}

const READERS: Record<AsOfSource, AsOfReader> = {
  recomputed: {
    table: 'brands',
    hasType: hasInForceCommitment,
    types: inForceTypes,
    exposed: hasVerifiedFinding,
    named: (b, pattern) => `catalogue_search_text(${b}.name, ${b}.aliases) LIKE ${pattern}`,
  },
  standings: {
    table: 'brand_standings',
    hasType: (b, asOf, typesSql) => `(${standingTypesSql(b, asOf)} && ARRAY[${typesSql}]::text[])`,
    types: standingTypesSql,
    exposed: standingExposedSql,
    named: (b, pattern) =>
      `${b}.id IN (SELECT named.id FROM brands named WHERE catalogue_search_text(named.name, named.aliases) LIKE ${pattern})`,
  },
};

/**
 * The WHERE clause of the campaigner query: only fragments written here, values always as parameters.
 * Example for `commitment=none&sector=apparel` (parameters $1 statuses, $2 asOf, $3 sector):
 *
 *   WHERE b.status = ANY($1::text[])
 *     AND b.sectors @> ARRAY[$3]::text[]
 *     AND NOT (EXISTS (own verified in-force committing commitment)
 *              OR EXISTS (group's verified in-force committing commitment))
 */
export function brandFilterSql(
  filter: BrandSearchFilter,
  source: AsOfSource = 'recomputed',
): { where: string; values: unknown[] } {
  const reader = READERS[source];
  const values: unknown[] = [filter.statuses, filter.asOf];
  const asOf = '$2::date';
  const clauses = ['b.status = ANY($1::text[])'];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.namePattern) clauses.push(reader.named('b', param(filter.namePattern)));
  if (filter.sector) clauses.push(`b.sectors @> ARRAY[${param(filter.sector)}]::text[]`);
  if (filter.country) clauses.push(`b.hq_country = ${param(filter.country)}`);
  if (filter.commitment === 'any') clauses.push(reader.hasType('b', asOf, COMMITTING_TYPES_SQL));
  else if (filter.commitment === 'none')
    clauses.push(`NOT ${reader.hasType('b', asOf, COMMITTING_TYPES_SQL)}`);
  else if (filter.commitment) clauses.push(reader.hasType('b', asOf, `${param(filter.commitment)}::text`));
  if (filter.exposed !== undefined)
    clauses.push(`${filter.exposed ? '' : 'NOT '}${reader.exposed('b', asOf)}`);
  if (filter.listedSupplier !== undefined)
    clauses.push(`${filter.listedSupplier ? '' : 'NOT '}${reader.exposed('b', asOf, LISTED_SUPPLIER_KIND)}`);
  return { where: `WHERE ${clauses.join('\n  AND ')}`, values };
}

/**
 * One page of brands in slug order (keyset: slug > the cursor's), with what holds for each as of the
 * date: the in-force commitment types and whether it is exposed. Those two columns are computed for the
 * page's rows only, after the LIMIT; with `standings`, the page walks brand_standings in slug order and
 * the display columns come from brands for those rows.
 */
export function brandPageSql(
  filter: BrandSearchFilter,
  afterSlug: string | undefined,
  limit: number,
  source: AsOfSource = 'recomputed',
): SqlStatement {
  const reader = READERS[source];
  const { where, values } = brandFilterSql(filter, source);
  values.push(afterSlug ?? null, limit);
  const after = `$${values.length - 1}`;
  const limitParam = `$${values.length}`;
  return {
    text: `
WITH page AS (
  SELECT b.* FROM ${reader.table} b
  ${where}
    AND (${after}::text IS NULL OR b.slug > ${after}::text)
  ORDER BY b.slug
  LIMIT ${limitParam}
)
SELECT b.id, b.slug, b.name, b.aliases, b.sectors, b.hq_country, b.website, b.wikidata_id, b.lei,
       b.open_supply_hub_id, b.status, b.company_id, company.slug AS company_slug, company.name AS company_name,
       company.status AS company_status,
       ${reader.types('page', '$2::date')} AS commitment_types,
       ${reader.exposed('page', '$2::date')} AS exposed
FROM page
JOIN brands b ON b.id = page.id
LEFT JOIN companies company ON company.id = b.company_id
ORDER BY page.slug`,
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
