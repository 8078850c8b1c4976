import type { Brand } from '../../catalogue/brands/brand.entity';
import { field, nullable, optional, splitList, type FormBody, type FormValues } from '../common/form-body';

/** Field names are the DTO's property names, so a problem the API names lands beside its field. */
export const BRAND_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  slug: 'Slug',
  aliases: 'Other names',
  company: 'Group (company slug)',
  sectors: 'Sectors',
  hqCountry: 'Headquarters country',
  website: 'Website',
  wikidataId: 'Wikidata id',
  lei: 'LEI',
  openSupplyHubId: 'Open Supply Hub id',
};

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Countries are stored upper case; accept "gb" as typed. */
const country = (body: FormBody) => field(body, 'hqCountry').toUpperCase();

/** The create form as a CreateBrandDto: blanks left out, aliases one per line, sectors by comma. */
export function toCreateBrand(body: FormBody): Record<string, unknown> {
  return {
    name: field(body, 'name'),
    slug: optional(field(body, 'slug')),
    aliases: lines(field(body, 'aliases')),
    company: optional(field(body, 'company')),
    sectors: splitList(field(body, 'sectors')),
    hqCountry: optional(country(body)),
    website: optional(field(body, 'website')),
    wikidataId: optional(field(body, 'wikidataId')),
    lei: optional(field(body, 'lei')),
    openSupplyHubId: optional(field(body, 'openSupplyHubId')),
  };
}

/** The edit form as an UpdateBrandDto: an emptied optional field clears it (null). */
export function toUpdateBrand(body: FormBody): Record<string, unknown> {
  return {
    name: field(body, 'name'),
    aliases: lines(field(body, 'aliases')),
    company: nullable(field(body, 'company')),
    sectors: splitList(field(body, 'sectors')),
    hqCountry: nullable(country(body)),
    website: nullable(field(body, 'website')),
    wikidataId: nullable(field(body, 'wikidataId')),
    lei: nullable(field(body, 'lei')),
    openSupplyHubId: nullable(field(body, 'openSupplyHubId')),
  };
}

export function brandFormValues(brand: Brand): FormValues {
  return {
    name: brand.name,
    aliases: brand.aliases.join('\n'),
    company: brand.company?.slug ?? '',
    sectors: brand.sectors.join(', '),
    hqCountry: brand.hqCountry ?? '',
    website: brand.website ?? '',
    wikidataId: brand.wikidataId ?? '',
    lei: brand.lei ?? '',
    openSupplyHubId: brand.openSupplyHubId ?? '',
  };
}
