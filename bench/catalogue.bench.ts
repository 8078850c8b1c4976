import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app/app-setup';
import { brandFacetsSql } from '../src/catalogue/brands/brand-facets.sql';
import {
  type AsOfSource,
  brandPageSql,
  BrandSearchFilter,
  SqlStatement,
} from '../src/catalogue/brands/brand-search.sql';
import { today } from '../src/kernel/dates/today';
import { loadAppConfig } from '../src/platform/config/app-config';
import { quoteIdentifier } from '../src/platform/database/ensure-database';
import { buildDataSourceOptions } from '../src/app/database/typeorm-options';
import { ReviewStatus } from '../src/kernel/review/review-status';
import { BENCH_SECTORS, generateCatalogue, SIZES } from './catalogue-data';
import { loadAverage } from './support/cli';

/**
 * The campaigner query at DESIGN.md's scale (100k brands, 300k commitments, 1M evidence): p50/p95 of
 * GET /api/brands?commitment=none&sector=... and GET /api/brands/facets through the real app, against the
 * same SQL's execution time in Postgres alone (EXPLAIN ANALYZE), in one run: as of today (read from
 * brand_standings) and as of past days (the as-of rule recomputed). Goals: p95 under 50 ms for today's list
 * and facets, API no more than 3x the database.
 * Run: node -r ts-node/register/transpile-only bench/catalogue.bench.ts [--regenerate] [--today-only]
 * The generated database (pw_bench_catalogue) is kept between runs; --regenerate rebuilds it. --today-only
 * skips the past-day rows, whose recomputed facets take seconds each (minutes for the whole row).
 */
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'pw_bench_catalogue';
const WARM_UP = 30;
const MEASURED = 240;
const SECTORS = BENCH_SECTORS.slice(0, 6).concat('rail', 'industrial');
const COUNTRIES = [undefined, 'GB', 'LU'];
const CASES = SECTORS.flatMap((sector) => COUNTRIES.map((country) => ({ sector, country })));

interface Sample {
  query: string;
  filter: BrandSearchFilter;
}

/**
 * One request per (variant, day): every URL differs, so the app's in-memory cache of public reads never
 * answers and each request runs the query, as for the first reader of a filter on a day. Days are recent
 * (the generated data spans 2018-2024, so the answers are of the same size as today's).
 */
function pastSamples(count: number, firstDaysAgo: number): Sample[] {
  return Array.from({ length: count }, (_, index) => {
    const { sector, country } = CASES[index % CASES.length];
    const asOf = new Date(Date.now() - (firstDaysAgo + index) * 86_400_000).toISOString().slice(0, 10);
    return {
      query: `commitment=none&sector=${sector}${country ? `&country=${country}` : ''}&asOf=${asOf}`,
      filter: { statuses: [ReviewStatus.Verified], asOf, sector, country, commitment: 'none' as const },
    };
  });
}

/**
 * Today's requests: the same filters, each URL made distinct by the order of its parameters (the cache keys
 * on the URL as sent), so no request is answered from the cache.
 */
function todaySamples(count: number, first: number): Sample[] {
  const asOf = today();
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const { sector, country } = CASES[index % CASES.length];
    const parameters = ['commitment=none', `sector=${sector}`, 'status=verified', `asOf=${asOf}`];
    if (country) parameters.push(`country=${country}`);
    const orders = permutations(parameters);
    return {
      query: orders[Math.floor(index / CASES.length) % orders.length].join('&'),
      filter: { statuses: [ReviewStatus.Verified], asOf, sector, country, commitment: 'none' as const },
    };
  });
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

async function prepareDatabase(regenerate: boolean): Promise<string> {
  const url = ADMIN_URL.replace(/\/postgres$/, `/${DATABASE}`);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount;
  if (exists && !regenerate) {
    await admin.end();
    return url;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(DATABASE)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`);
  await admin.end();
  const dataSource = await new DataSource(buildDataSourceOptions(url)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const client = new Client({ connectionString: url });
  await client.connect();
  console.log(
    `Generating ${SIZES.brands} brands, ${SIZES.commitments} commitments, ${SIZES.evidence} evidence rows:`,
  );
  await generateCatalogue(client, (line) => console.log(line));
  await client.end();
  return url;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeApi(baseUrl: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const requestPath of paths) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${requestPath}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${requestPath} answered ${response.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/**
 * Planning plus execution time of each statement as Postgres reports it (EXPLAIN ANALYZE), with JIT off as
 * the repository runs it.
 */
async function timeDatabase(client: Client, statements: SqlStatement[]): Promise<number[]> {
  const times: number[] = [];
  await client.query('SET jit = off');
  for (const statement of statements) {
    const result = await client.query<{
      'QUERY PLAN': Array<{ 'Execution Time': number; 'Planning Time': number }>;
    }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
    const [plan] = result.rows[0]['QUERY PLAN'];
    times.push(plan['Execution Time'] + plan['Planning Time']);
  }
  return times;
}

async function main(): Promise<void> {
  const url = await prepareDatabase(process.argv.includes('--regenerate'));
  const app = await createApiApp(
    loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: 'pwbench',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = new Client({ connectionString: url });
  await client.connect();
  const load = loadAverage();
  const rows: Array<{ figure: string; unit: string; ours: number; ceiling: number; ratio: number }> = [];
  try {
    for (const [name, apiPath, sql] of [
      [
        'list',
        '/api/brands?',
        (sample: Sample, source: AsOfSource) => brandPageSql(sample.filter, undefined, 51, source),
      ],
      [
        'facets',
        '/api/brands/facets?',
        (sample: Sample, source: AsOfSource) => brandFacetsSql(sample.filter, source),
      ],
    ] as const) {
      const days = [
        ['today', 'standings', todaySamples(WARM_UP, 0), todaySamples(MEASURED, WARM_UP)],
        ['past day', 'recomputed', pastSamples(WARM_UP, 1000), pastSamples(MEASURED, 1)],
      ] as const;
      for (const [day, source, warmUp, measured] of process.argv.includes('--today-only')
        ? days.slice(0, 1)
        : days) {
        await timeApi(
          baseUrl,
          warmUp.map((sample) => apiPath + sample.query),
        );
        const api = await timeApi(
          baseUrl,
          measured.map((sample) => apiPath + sample.query),
        );
        const database = await timeDatabase(
          client,
          measured.map((sample) => sql(sample, source)),
        );
        for (const p of [50, 95]) {
          const ours = percentile(api, p);
          const ceiling = percentile(database, p);
          rows.push({
            figure: `${name} p${p}, ${day} (commitment=none&sector=...)`,
            unit: 'ms',
            ours,
            ceiling,
            ratio: ours / ceiling,
          });
        }
      }
    }
  } finally {
    await client.end();
    await app.close();
  }
  console.log(
    `\nLoad average at start: ${load}, at end: ${loadAverage()} (${MEASURED} sequential requests per figure, ${SECTORS.length} sectors x ${COUNTRIES.length} country filters)`,
  );
  console.log('figure'.padEnd(52), 'API ms'.padStart(9), 'DB ms'.padStart(9), 'ratio'.padStart(7));
  for (const row of rows) {
    console.log(
      row.figure.padEnd(52),
      row.ours.toFixed(1).padStart(9),
      row.ceiling.toFixed(1).padStart(9),
      row.ratio.toFixed(2).padStart(7),
    );
  }
  const resultsDir = path.resolve(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, 'catalogue.json'),
    `${JSON.stringify({ name: 'catalogue', loadAverage: load, rows: rows.map((row) => ({ ...row, ours: round(row.ours), ceiling: round(row.ceiling), ratio: round(row.ratio) })) }, null, 2)}\n`,
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
