import { brandFilterSql, type BrandSearchFilter, type SqlStatement } from './brand-search.sql';
import { inForceTypes } from '../../kernel/as-of/in-force.sql';
import { hasVerifiedFinding } from '../../kernel/as-of/exposure.sql';

/**
 * Every brand matching the campaigner filters, in slug order, with what holds for it as of the day: the
 * catalogue's own WHERE clause and as-of fragments, without the page's LIMIT. Read through a cursor in
 * batches (pg-query-stream), so 100k rows never sit in memory at once.
 */
export function brandExportSql(filter: BrandSearchFilter): SqlStatement {
  const { where, values } = brandFilterSql(filter);
  return {
    text: `
SELECT b.slug, b.name, b.aliases, b.sectors, b.hq_country, b.website, b.wikidata_id, b.lei, b.open_supply_hub_id,
       company.slug AS company_slug, company.name AS company_name, company.status AS company_status,
       ${inForceTypes('b', '$2::date')} AS commitment_types,
       ${hasVerifiedFinding('b', '$2::date')} AS exposed
FROM brands b
LEFT JOIN companies company ON company.id = b.company_id
${where}
ORDER BY b.slug`,
    values,
  };
}

export interface BrandExportRow {
  slug: string;
  name: string;
  aliases: string[];
  sectors: string[];
  hq_country: string | null;
  website: string | null;
  wikidata_id: string | null;
  lei: string | null;
  open_supply_hub_id: string | null;
  company_slug: string | null;
  company_name: string | null;
  company_status: string | null;
  commitment_types: string[];
  exposed: boolean;
}
