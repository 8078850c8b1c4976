import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListBrandsQueryDto } from '../../catalogue/brands/dto/list-brands-query.dto';

/** The campaigner filters as the /brands form shows them (strings, '' when not set). */
export interface BrandFilterForm {
  q: string;
  sector: string;
  country: string;
  commitment: string;
  exposed: string;
  listedSupplier: string;
  asOf: string;
}

export const FILTER_NAMES: ReadonlyArray<keyof BrandFilterForm> = [
  'q',
  'sector',
  'country',
  'commitment',
  'exposed',
  'listedSupplier',
  'asOf',
];

export interface ParsedFilters {
  /** The valid filters, as the catalogue's list takes them. */
  query: ListBrandsQueryDto;
  form: BrandFilterForm;
  /** One line per value we could not use (the value is then ignored, not fatal). */
  problems: string[];
}

/**
 * Reads the /brands query string with the API's own DTO (so the page and `GET /api/brands` accept exactly the
 * same filters). A GET form sends empty fields for "any", so blanks are dropped first; an invalid value is
 * reported on the page and ignored rather than answered with an error page.
 */
export function parseBrandFilters(raw: Record<string, unknown>): ParsedFilters {
  const given: Record<string, string> = {};
  for (const name of [...FILTER_NAMES, 'cursor']) {
    const value = raw[name];
    if (typeof value === 'string' && value.trim() !== '') given[name] = value.trim();
  }
  const problems: string[] = [];
  let dto = plainToInstance(ListBrandsQueryDto, given);
  const errors = validateSync(dto, { whitelist: true });
  if (errors.length) {
    for (const error of errors) {
      problems.push(Object.values(error.constraints ?? {})[0] ?? `${error.property} is not valid`);
      delete given[error.property];
    }
    dto = plainToInstance(ListBrandsQueryDto, given);
  }
  const form = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, given[name] ?? '']),
  ) as unknown as BrandFilterForm;
  return { query: dto, form, problems };
}

/** The query string of these filters with some changed ('' removes one), for links that keep the others. */
export function filterQuery(
  form: BrandFilterForm,
  changes: Partial<BrandFilterForm> & { cursor?: string } = {},
) {
  const params = new URLSearchParams();
  const merged: Record<string, string> = { ...form, ...changes };
  for (const name of [...FILTER_NAMES, 'cursor']) {
    const value = merged[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
