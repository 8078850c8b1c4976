import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewStatus } from '../review/review-status';
import { BrandSearchFilter, brandFacetsSql, brandPageSql } from './brand-search.sql';

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
    const { text, values } = brandPageSql(filter, afterSlug, limit + 1);
    return this.dataSource.query<BrandSearchRow[]>(text, values);
  }

  async facets(filter: BrandSearchFilter): Promise<FacetRow> {
    const { text, values } = brandFacetsSql(filter);
    const [row] = await this.dataSource.query<FacetRow[]>(text, values);
    return row;
  }
}
