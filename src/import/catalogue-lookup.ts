import { Injectable } from '@nestjs/common';
import { BrandsService } from '../catalogue/brands/brands.service';
import type { Brand } from '../catalogue/brands/brand.entity';
import { CompaniesService } from '../catalogue/companies/companies.service';
import type { Company } from '../catalogue/companies/company.entity';
import type { EvidenceView } from '../evidence/sources/dto/evidence.view';
import { EvidenceService } from '../evidence/sources/evidence.service';
import { SYSTEM_READER } from '../kernel/review/visibility';
import { RowError } from './row-importer';

/** A commitment or finding belongs to exactly one brand or one company group. */
export type ImportSubject = { brand: Brand } | { company: Company };

/**
 * Finds what rows refer to, through the catalogue services: brands and companies by slug (or id) first,
 * then by name or alias (ignoring case); evidence by its exact URL.
 */
@Injectable()
export class CatalogueLookup {
  constructor(
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
  ) {}

  /** The brand a cell names, null when none; a name shared by several brands is an error (give the slug). */
  async brand(ref: string): Promise<Brand | null> {
    const bySlug = await this.brands.findByRef(ref);
    if (bySlug) return bySlug;
    return single('brand', ref, await this.brands.findByNameOrAlias(ref));
  }

  async company(ref: string): Promise<Company | null> {
    const bySlug = await this.companies.findByRef(ref);
    if (bySlug) return bySlug;
    return single('company', ref, await this.companies.findByNameOrAlias(ref));
  }

  /** The subject named by a row's `brand` or `company` cell (exactly one of them). */
  async subject(brandRef: string | undefined, companyRef: string | undefined): Promise<ImportSubject> {
    if ((brandRef === undefined) === (companyRef === undefined)) {
      throw new RowError('give either brand or company, not both or neither');
    }
    if (brandRef !== undefined) {
      const brand = await this.brand(brandRef);
      if (!brand) throw new RowError(`brand: no brand "${brandRef}" (import brands first)`);
      return { brand };
    }
    const company = await this.company(companyRef ?? '');
    if (!company) throw new RowError(`company: no company "${companyRef}"`);
    return { company };
  }

  /** The evidence logged with this URL (the newest, if it was logged twice), or null. */
  async evidenceByUrl(url: string): Promise<EvidenceView | null> {
    const page = await this.evidence.list({ url, limit: 1 }, SYSTEM_READER);
    return page.items[0] ?? null;
  }

  /** Ids of the evidence for each URL; a URL not logged yet is an error naming it. */
  async evidenceIds(urls: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const url of urls) {
      const found = await this.evidenceByUrl(url);
      if (!found) throw new RowError(`source_urls: no evidence with URL ${url} (import evidence first)`);
      ids.push(found.id);
    }
    return ids;
  }
}

function single<T extends { slug: string }>(what: string, ref: string, found: T[]): T | null {
  if (found.length > 1) {
    throw new RowError(
      `${what}: "${ref}" matches ${found.length} entries (${found.map((item) => item.slug).join(', ')}); give the slug`,
    );
  }
  return found[0] ?? null;
}
