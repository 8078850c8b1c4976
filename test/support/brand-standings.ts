import { DataSource } from 'typeorm';
import { brandFacetsSql } from '../../src/catalogue/brands/brand-facets.sql';
import {
  brandPageSql,
  type AsOfSource,
  type BrandSearchFilter,
} from '../../src/catalogue/brands/brand-search.sql';
import type { TestApp } from './test-app';

/** The whole campaigner list (one page of up to 10k) and the facets, as one source of the as-of answers gives them. */
export async function listAndFacets(testApp: TestApp, filter: BrandSearchFilter, source: AsOfSource) {
  const dataSource = testApp.app.get(DataSource);
  const page = brandPageSql(filter, undefined, 10_000, source);
  const facets = brandFacetsSql(filter, source);
  return {
    list: await dataSource.query<unknown[]>(page.text, page.values),
    facets: (await dataSource.query<unknown[]>(facets.text, facets.values))[0],
  };
}

export interface StandingRow {
  id: string;
  commitment_types: string[];
  exposed: boolean;
  listed_supplier: boolean;
  computed_on: string;
  valid_until: string | null;
}

/** The stored brand_standings row of a brand (dates as ISO strings). */
export async function standingOf(testApp: TestApp, brandId: string): Promise<StandingRow | undefined> {
  const [row] = await testApp.app.get(DataSource).query<StandingRow[]>(
    `SELECT id, commitment_types, exposed, listed_supplier, computed_on::text, valid_until::text
     FROM brand_standings WHERE id = $1`,
    [brandId],
  );
  return row;
}

/** Recomputes brands' rows as if the triggers had run on `day` (the SQL function the triggers call). */
export async function computeStandingsOn(testApp: TestApp, brandIds: string[], day: string): Promise<void> {
  await testApp.app
    .get(DataSource)
    .query('SELECT refresh_brand_standings($1::uuid[], $2::date)', [brandIds, day]);
}

/** An ISO date `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
