import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewStatus } from '../../kernel/review/review-status';
import { BrandSearchFilter, brandFacetsSql, brandPageSql, SqlStatement } from './brand-search.sql';

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

interface FacetRow {
  total: number;
  sectors: Array<{ value: string; count: number }>;
  countries: Array<{ value: string; count: number }>;
  committed: number;
  types: Array<{ value: string; count: number }>;
}

/** The campaigner query: one SQL statement per call, built in brand-search.sql.ts. */
@Injectable()
export class BrandSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit + 1` rows after `afterSlug`, so the caller knows whether another page exists. */
  page(filter: BrandSearchFilter, afterSlug: string | undefined, limit: number): Promise<BrandSearchRow[]> {
    return this.withoutJit<BrandSearchRow[]>(brandPageSql(filter, afterSlug, limit + 1));
  }

  async facets(filter: BrandSearchFilter): Promise<FacetRow> {
    const [row] = await this.withoutJit<FacetRow[]>(brandFacetsSql(filter));
    return row;
  }

  /**
   * Runs the statement with Postgres's JIT compiler off. The planner's cost for these statements passes
   * jit_above_cost at 100k brands (a page for a rare sector walks the slug index), and compiling then
   * takes 60-2000 ms for a query that runs in 5-200 ms (bench/catalogue.bench.ts). SET LOCAL needs a
   * transaction; it ends with it.
   */
  private withoutJit<T>(statement: SqlStatement): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return manager.query<T>(statement.text, statement.values);
    });
  }
}
