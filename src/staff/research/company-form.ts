import type { Company } from '../../catalogue/companies/company.entity';
import { field, nullable, optional, type FormBody, type FormValues } from '../common/form-body';

export const COMPANY_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  slug: 'Slug',
  aliases: 'Other names',
  country: 'Headquarters country',
  website: 'Website',
  wikidataId: 'Wikidata id',
  lei: 'LEI',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toCreateCompany(body: FormBody): Record<string, unknown> {
  return {
    name: field(body, 'name'),
    slug: optional(field(body, 'slug')),
    aliases: lines(field(body, 'aliases')),
    country: optional(field(body, 'country').toUpperCase()),
    website: optional(field(body, 'website')),
    wikidataId: optional(field(body, 'wikidataId')),
    lei: optional(field(body, 'lei')),
  };
}

export function toUpdateCompany(body: FormBody): Record<string, unknown> {
  return {
    name: field(body, 'name'),
    aliases: lines(field(body, 'aliases')),
    country: nullable(field(body, 'country').toUpperCase()),
    website: nullable(field(body, 'website')),
    wikidataId: nullable(field(body, 'wikidataId')),
    lei: nullable(field(body, 'lei')),
  };
}

export function companyFormValues(company: Company): FormValues {
  return {
    name: company.name,
    aliases: company.aliases.join('\n'),
    country: company.country ?? '',
    website: company.website ?? '',
    wikidataId: company.wikidataId ?? '',
    lei: company.lei ?? '',
  };
}
