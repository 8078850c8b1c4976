import { knownBy } from '../../kernel/as-of/as-of-rule';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { today } from '../../kernel/dates/today';
import type { Viewer } from '../../kernel/review/visibility';
import { ScorecardsService } from '../../scorecards/scorecards.service';
import type { ParsedFilters } from './brand-filters';
import type { BrandPageData } from './pages/brand.page';
import type { BrandsPageData } from './pages/brands.page';
import type { HomeData } from './pages/home.page';

/** How many sectors the home page draws. */
const SECTORS_SHOWN = 12;

/** What the public pages show, gathered from the catalogue and scorecard services (no queries of its own). */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly brands: BrandsService,
    private readonly scorecards: ScorecardsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async home(viewer: Viewer): Promise<HomeData> {
    const [all, committed] = await Promise.all([
      this.brands.facets({}, viewer),
      this.brands.facets({ commitment: 'any' }, viewer),
    ]);
    const committedBySector = new Map(committed.sectors.map((s) => [s.value, s.count]));
    return {
      total: all.total,
      committed: all.commitment.any,
      asOf: today(),
      sectors: all.sectors.slice(0, SECTORS_SHOWN).map((s) => ({
        sector: s.value,
        total: s.count,
        committed: committedBySector.get(s.value) ?? 0,
      })),
    };
  }

  async brandList(filters: ParsedFilters, viewer: Viewer): Promise<BrandsPageData> {
    const { cursor: _cursor, limit: _limit, ...filterOnly } = filters.query;
    const [page, facets, everything] = await Promise.all([
      this.brands.list({ ...filters.query, limit: 50 }, viewer),
      this.brands.facets(filterOnly, viewer),
      this.brands.facets({}, viewer),
    ]);
    return {
      form: filters.form,
      problems: filters.problems,
      items: page.items,
      nextCursor: page.nextCursor,
      isFirstPage: !filters.query.cursor,
      facets,
      choices: {
        sectors: everything.sectors.map((s) => s.value).sort(),
        countries: everything.countries.map((c) => c.value).sort(),
      },
    };
  }

  async brandPage(slug: string, asOf: string, viewer: Viewer): Promise<BrandPageData> {
    const { record, card, byId } = await this.scorecards.render(slug, asOf, viewer);
    const timeline = knownBy([...byId.values()], (item) => item.effectiveOn, asOf).sort((a, b) =>
      b.effectiveOn.localeCompare(a.effectiveOn),
    );
    return {
      card,
      aliases: record.brand.aliases,
      sectors: record.brand.sectors,
      hqCountry: record.brand.hqCountry,
      website: record.brand.website,
      siblings: record.siblings,
      timeline,
      isToday: asOf === today(),
      today: today(),
      publicUrl: this.config.publicUrl,
    };
  }
}
