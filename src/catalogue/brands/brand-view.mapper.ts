import { canSee, Viewer } from '../../kernel/review/visibility';
import type { Brand } from './brand.entity';
import type { BrandSearchRow } from './brand-search.sql';
import type { BrandListItem, BrandView } from './dto/brand.view';

/** A brand for the API; its company is shown only when the reader may see the company itself. */
export function toBrandView(brand: Brand, viewer: Viewer): BrandView {
  const company = brand.company && canSee(viewer, brand.company.status) ? brand.company : null;
  return {
    id: brand.id,
    slug: brand.slug,
    name: brand.name,
    aliases: brand.aliases,
    company: company ? { slug: company.slug, name: company.name } : null,
    sectors: brand.sectors,
    hqCountry: brand.hqCountry,
    website: brand.website,
    wikidataId: brand.wikidataId,
    lei: brand.lei,
    openSupplyHubId: brand.openSupplyHubId,
    status: brand.status,
  };
}

export function toBrandListItem(row: BrandSearchRow, viewer: Viewer): BrandListItem {
  const showCompany =
    row.company_slug !== null && row.company_status !== null && canSee(viewer, row.company_status);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    aliases: row.aliases,
    company: showCompany ? { slug: row.company_slug ?? '', name: row.company_name ?? '' } : null,
    sectors: row.sectors,
    hqCountry: row.hq_country,
    website: row.website,
    wikidataId: row.wikidata_id,
    lei: row.lei,
    openSupplyHubId: row.open_supply_hub_id,
    status: row.status,
    commitmentTypes: row.commitment_types,
    exposed: row.exposed,
  };
}
