import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { BrandsService } from '../../catalogue/brands/brands.service';
import type { BrandFiltersDto } from '../../catalogue/brands/dto/list-brands-query.dto';
import { today } from '../../kernel/dates/today';
import { cacheKey, etagFor } from '../cache/cache-policy';
import { PublicDataVersion } from '../cache/public-data-version';
import { canSee, type Viewer } from '../../kernel/review/visibility';
import type { ReviewStatus } from '../../kernel/review/review-status';
import type { BrandExportRow } from '../../catalogue/brands/brand-export.sql';

/** One exported brand, the same fields in CSV (in this order) and JSON. */
export class ExportedBrand {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The company group' }) group!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) groupSlug!: string | null;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) hqCountry!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wikidataId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lei!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) openSupplyHubId!: string | null;
  @ApiProperty({ description: "A commitment in force as of `asOf` (its own or its group's)" })
  committed!: boolean;
  @ApiProperty({ type: [String], description: 'Types of the commitments in force' })
  commitmentsInForce!: string[];
  @ApiProperty() exposed!: boolean;
  @ApiProperty() asOf!: string;
  /** The brand's public page, absolute under PUBLIC_URL, so a row still leads somewhere once it leaves us. */
  @ApiProperty({ description: "The brand's public page (absolute URL)" }) page!: string;
}

export const EXPORT_COLUMNS: ReadonlyArray<keyof ExportedBrand> = [
  'slug',
  'name',
  'aliases',
  'group',
  'groupSlug',
  'sectors',
  'hqCountry',
  'website',
  'wikidataId',
  'lei',
  'openSupplyHubId',
  'committed',
  'commitmentsInForce',
  'exposed',
  'asOf',
  'page',
];

const COMMITTING = new Set([
  'call_to_action_public',
  'call_to_action_private',
  'third_party_pledge',
  'policy_no_region_sourcing',
  'policy_direct_suppliers_only',
]);

/** The campaigner list, whole, for the export routes: same filters and visibility as `GET /api/brands`. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly brands: BrandsService,
    private readonly version: PublicDataVersion,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The validator of an anonymous export, made as the public cache makes its ETags (the public data version, the
   * day, the URL with its filters), so a script that polls an export downloads it again only after a change.
   * None for a signed-in viewer (drafts change unseen by the version) or while the version is unknown.
   */
  etag(url: string, viewer: Viewer): string | undefined {
    const version = this.version.current();
    if (viewer || version === null) return undefined;
    return etagFor(cacheKey(version, today(), url), 'anonymous');
  }

  async *brandsFor(query: BrandFiltersDto, viewer: Viewer): AsyncGenerator<ExportedBrand> {
    const filter = this.brands.toFilter(query, viewer);
    if (!filter) return;
    for await (const row of this.brands.exportRows(filter))
      yield toExported(row, filter.asOf, viewer, this.config.publicUrl);
  }

  /** e.g. pledgewatch-brands-2026-11-21-apparel-none.csv: only validated values, so safe in a header. */
  filename(query: BrandFiltersDto, extension: 'csv' | 'json'): string {
    const parts = [
      'pledgewatch-brands',
      query.asOf ?? today(),
      query.sector,
      query.country,
      query.commitment,
    ];
    return `${parts.filter(Boolean).join('-')}.${extension}`;
  }
}

function toExported(row: BrandExportRow, asOf: string, viewer: Viewer, publicUrl: string): ExportedBrand {
  const groupVisible = row.company_status !== null && canSee(viewer, row.company_status as ReviewStatus);
  return {
    slug: row.slug,
    name: row.name,
    aliases: row.aliases,
    group: groupVisible ? row.company_name : null,
    groupSlug: groupVisible ? row.company_slug : null,
    sectors: row.sectors,
    hqCountry: row.hq_country,
    website: row.website,
    wikidataId: row.wikidata_id,
    lei: row.lei,
    openSupplyHubId: row.open_supply_hub_id,
    committed: row.commitment_types.some((type) => COMMITTING.has(type)),
    commitmentsInForce: row.commitment_types,
    exposed: row.exposed,
    asOf,
    page: `${publicUrl}/brands/${encodeURIComponent(row.slug)}`,
  };
}
