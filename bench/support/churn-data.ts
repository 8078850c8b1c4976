import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/app/database/typeorm-options';
import { quoteIdentifier } from '../../src/platform/database/ensure-database';
import { databaseUrl, withAdminClient } from '../../test/support/postgres-admin';
import { generateCatalogue, SIZES } from '../catalogue-data';

/** Generated once (a few minutes) and kept: each run clones it, which takes seconds. */
const TEMPLATE = 'pw_bench_churn_template';
/** The type the prepared claims state: in force from today, so lists and facets must count it once verified. */
export const CHURN_TYPE = 'policy_no_region_sourcing';

async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(buildDataSourceOptions(url)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

/**
 * A database of the run's own, `name`, cloned from the kept template of 100k generated brands
 * (bench/catalogue-data.ts) and brought up to the current migrations. `regenerate` builds the template again.
 */
export async function cloneCatalogue(
  name: string,
  regenerate: boolean,
  log: (line: string) => void,
): Promise<string> {
  await withAdminClient(async (admin) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (regenerate || !exists.rowCount) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(TEMPLATE)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(TEMPLATE)}`);
      await migrate(databaseUrl(TEMPLATE));
      const client = new Client({ connectionString: databaseUrl(TEMPLATE) });
      await client.connect();
      log(`Generating ${SIZES.brands} brands into ${TEMPLATE} (kept for later runs):`);
      await generateCatalogue(client, log);
      await client.end();
    }
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(TEMPLATE)}`);
  });
  const url = databaseUrl(name);
  await migrate(url);
  return url;
}

/** One brand the reads may ask for; its name is unique as a substring (5 digits, see popularBrands). */
export interface ChurnBrand {
  slug: string;
  name: string;
}

/** A submitted commitment waiting for the reviewer, and the brand whose pages must show it once verified. */
export interface PreparedClaim {
  id: string;
  brand: ChurnBrand;
  summary: string;
  /** The brand's sectors: each one's facets must count the claim's type once more after it is verified. */
  sectors: string[];
}

/**
 * The verified brands the reads spread over, most popular first (a fixed shuffle, so popularity does not follow
 * the slug order the generator filled groups by). Only numbers 10000 to 99999: their names contain no other
 * brand's name, so a search by name finds exactly one.
 */
export async function popularBrands(url: string, count: number): Promise<ChurnBrand[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<ChurnBrand>(
    `SELECT slug, name FROM brands
     WHERE status = 'verified' AND name ~ '^Bench Brand [1-9][0-9]{4}$'
     ORDER BY md5(slug) LIMIT $1`,
    [count],
  );
  await client.end();
  return rows;
}

/**
 * One submitted commitment per churn brand, by `researcherId`, citing a verified source of its own, stated
 * today: what a reviewer finds in the queue the day a report lands. Only brands with no commitment of
 * CHURN_TYPE of their own or their group's, so a list filtered by that type must change when it is verified.
 */
export async function prepareClaims(
  url: string,
  brands: ChurnBrand[],
  researcherId: string,
  count: number,
  tag: string,
): Promise<PreparedClaim[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; slug: string; summary: string; sectors: string[] }>(
      `WITH candidates AS (
         SELECT b.id, b.slug, b.sectors, ord FROM unnest($1::text[]) WITH ORDINALITY AS s(slug, ord)
         JOIN brands b ON b.slug = s.slug
         WHERE NOT EXISTS (SELECT 1 FROM commitments c
                           WHERE c.type = $2 AND (c.brand_id = b.id OR c.company_id = b.company_id))
         ORDER BY ord LIMIT $3),
       claims AS (
         INSERT INTO commitments (brand_id, type, stated_on, stated_on_precision, effective_on, summary,
                                  status, created_by, submitted_at)
         SELECT id, $2, current_date, 'day', current_date, 'Churn claim ' || $4 || ' for ' || slug,
                'submitted', $5, now()
         FROM candidates RETURNING id, brand_id, summary),
       sources AS (
         INSERT INTO evidence (url, kind, title, status, reviewed_at)
         SELECT 'https://example.org/churn/' || claims.id, 'company_statement', claims.summary, 'verified', now()
         FROM claims RETURNING id, title),
       links AS (
         INSERT INTO commitment_evidence (commitment_id, evidence_id)
         SELECT claims.id, sources.id FROM claims JOIN sources ON sources.title = claims.summary)
       SELECT claims.id, candidates.slug, claims.summary, candidates.sectors
       FROM claims JOIN candidates ON candidates.id = claims.brand_id ORDER BY candidates.ord`,
      [brands.map((brand) => brand.slug), CHURN_TYPE, count, tag, researcherId],
    );
    const bySlug = new Map(brands.map((brand) => [brand.slug, brand]));
    return rows.map((row) => ({
      id: row.id,
      summary: row.summary,
      sectors: row.sectors,
      brand: bySlug.get(row.slug) as ChurnBrand,
    }));
  } finally {
    await client.end();
  }
}
