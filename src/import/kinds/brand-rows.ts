import { Injectable } from '@nestjs/common';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CreateBrandDto } from '../../catalogue/brands/dto/create-brand.dto';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { CreateCompanyDto } from '../../catalogue/companies/dto/create-company.dto';
import { CatalogueLookup } from '../catalogue-lookup';
import { defined, list, text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { validateAsDto } from '../dto-validation';
import { NOTE_COLUMN, RowContext, RowError, RowImporter, RowResult } from '../row-importer';

/**
 * brands.csv: one brand a row; `company` names its group (slug or name), created when we do not know it.
 * Natural key: the slug when given, else the name or an alias (ignoring case). Existing brands are left
 * as they are: an import adds, it never edits (PATCH does, with its audit trail).
 */
@Injectable()
export class BrandRows implements RowImporter {
  readonly kind = 'brands';
  readonly columns = {
    allowed: [
      'name',
      'slug',
      'aliases',
      'company',
      'sectors',
      'hq_country',
      'website',
      'wikidata_id',
      'lei',
      'open_supply_hub_id',
      NOTE_COLUMN,
    ],
    required: ['name'],
  };

  constructor(
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly lookup: CatalogueLookup,
  ) {}

  async importRow(row: CsvRow, context: RowContext): Promise<RowResult> {
    const checked = await validateAsDto(
      CreateBrandDto,
      defined({
        name: text(row, 'name'),
        slug: text(row, 'slug'),
        aliases: list(row, 'aliases'),
        company: text(row, 'company'),
        sectors: list(row, 'sectors'),
        hqCountry: text(row, 'hq_country'),
        website: text(row, 'website'),
        wikidataId: text(row, 'wikidata_id'),
        lei: text(row, 'lei'),
        openSupplyHubId: text(row, 'open_supply_hub_id'),
      }),
      BRAND_COLUMNS,
    );
    if (!checked.ok) throw new RowError(checked.reason);
    const input = checked.value;
    const key = `brand:${(input.slug ?? input.name).trim().toLowerCase()}`;
    const existing = input.slug
      ? await this.brands.findByRef(input.slug)
      : await this.lookup.brand(input.name);
    if (existing || context.plannedKeys.has(key)) return { outcome: 'unchanged' };

    const company = input.company ? await this.companyFor(input.company, context) : undefined;
    if (context.dryRun) {
      context.plannedKeys.add(key);
      return { outcome: 'created', companiesCreated: company?.created ? 1 : 0 };
    }
    const brand = await this.brands.create({ ...input, company: company?.slug }, context.actor);
    if (!context.actor)
      await this.brands.verifyAsSystem(brand.slug, text(row, NOTE_COLUMN) ?? context.defaultNote);
    return { outcome: 'created', companiesCreated: company?.created ? 1 : 0 };
  }

  /** The group a row names, created (and, for the system, verified) when it is new. */
  private async companyFor(ref: string, context: RowContext): Promise<{ slug?: string; created: boolean }> {
    const key = `company:${ref.trim().toLowerCase()}`;
    const known = context.companySlugs.get(key);
    if (known) return { slug: known, created: false };
    const existing = await this.lookup.company(ref);
    if (existing) {
      context.companySlugs.set(key, existing.slug);
      return { slug: existing.slug, created: false };
    }
    const checked = await validateAsDto(CreateCompanyDto, { name: ref });
    if (!checked.ok) throw new RowError(`company: ${checked.reason}`);
    if (context.dryRun) {
      const created = !context.plannedKeys.has(key);
      context.plannedKeys.add(key);
      return { created };
    }
    const company = await this.companies.create(checked.value, context.actor);
    if (!context.actor) await this.companies.verifyAsSystem(company.slug, context.defaultNote);
    context.companySlugs.set(key, company.slug);
    return { slug: company.slug, created: true };
  }
}

/** DTO fields whose CSV column is spelled differently, for error messages. */
const BRAND_COLUMNS = {
  hqCountry: 'hq_country',
  wikidataId: 'wikidata_id',
  openSupplyHubId: 'open_supply_hub_id',
};
