import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BrandsService } from '../src/catalogue/brands/brands.service';
import { quoteIdentifier } from '../src/platform/database/ensure-database';
import { buildDataSourceOptions } from '../src/app/database/typeorm-options';
import {
  CANDIDATE_TRIGRAM_THRESHOLD,
  PAIRS_FOR_SUPPLIER_LIST_SQL,
} from '../src/screening/candidates/candidate-search.sql';
import { ScreeningService } from '../src/screening/candidates/screening.service';
import { ListImportService } from '../src/screening/lists/list-import.service';
import { PINYIN_SYLLABLES } from '../src/screening/matching/pinyin-syllables';
import { ScreeningCliModule } from '../src/screening/screening-cli.module';
import { loadAverage, numberOption } from './support/cli';

/**
 * Screening at the scale: a brand's 100k supplier facilities against 1k listed entities, through
 * ScreeningService (pg_trgm candidate search, then the matcher on every candidate pair, then the candidates
 * stored), beside the ceiling measured in the same run: the bare pg_trgm candidate join alone (the same
 * SQL, counted in Postgres). Goal: under 30 s. The database (pw_bench_screening) is rebuilt each run.
 * Run: node -r ts-node/register/transpile-only bench/screening.bench.ts [--facilities 100000] [--entities 1000]
 */
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'pw_bench_screening';

const XINJIANG_PLACES = [
  'Hotan',
  'Kashgar',
  'Aksu',
  'Korla',
  'Turpan',
  'Urumqi',
  'Yining',
  'Shihezi',
  'Changji',
];
const OTHER_PLACES = ['Shaoxing, Zhejiang', 'Dongguan, Guangdong', 'Qingdao, Shandong', 'Nantong, Jiangsu'];
const ABROAD = [
  ['Gazipur', 'BD'],
  ['Binh Duong', 'VN'],
  ['Phnom Penh', 'KH'],
  ['Tiruppur', 'IN'],
];
const TRADES = ['Textile', 'Garment', 'Cotton', 'Knitting', 'Apparel', 'Yarn', 'Fashion', 'Spinning'];

/** A deterministic generator, so two runs screen the same names. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function generateFiles(folder: string, entities: number, facilities: number) {
  const next = random(18);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const syllables = [...PINYIN_SYLLABLES].filter((syllable) => syllable.length >= 2);
  const firmName = () => {
    const name = `${pick(syllables)}${pick(syllables)}`;
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const listed: Array<{ name: string; place: string; trade: string }> = [];
  const entityRows = ['entity_id,name,aliases,name_zh,address,country,list_section,added_on,source_url'];
  for (let index = 0; index < entities; index += 1) {
    const entity = { name: firmName(), place: pick(XINJIANG_PLACES), trade: pick(TRADES) };
    listed.push(entity);
    const name = `${entity.place} ${entity.name} ${entity.trade} Co., Ltd.`;
    entityRows.push(
      [
        `E${index}`,
        csvCell(name),
        '',
        '',
        csvCell(`${entity.place}, Xinjiang`),
        'CN',
        'v',
        '2024-01-01',
        '',
      ].join(','),
    );
  }
  const supplierRows = ['supplier_id,name,address,country'];
  for (let index = 0; index < facilities; index += 1) {
    // One in two hundred is a listed firm under another spelling; the rest are firms elsewhere.
    if (index % 200 === 0) {
      const entity = pick(listed);
      supplierRows.push(
        [
          `S${index}`,
          csvCell(`${entity.name} ${entity.trade} Company Limited`),
          csvCell(`${entity.place}, XUAR`),
          'CN',
        ].join(','),
      );
    } else if (next() < 0.5) {
      supplierRows.push(
        [
          `S${index}`,
          csvCell(`${firmName()} ${pick(TRADES)} Co., Ltd.`),
          csvCell(pick(OTHER_PLACES)),
          'CN',
        ].join(','),
      );
    } else {
      const [city, country] = pick(ABROAD);
      supplierRows.push(
        [`S${index}`, csvCell(`${firmName()} ${pick(TRADES)} Ltd.`), city, country].join(','),
      );
    }
  }
  const entitiesFile = path.join(folder, 'entities.csv');
  const suppliersFile = path.join(folder, 'suppliers.csv');
  writeFileSync(entitiesFile, `${entityRows.join('\n')}\n`);
  writeFileSync(suppliersFile, `${supplierRows.join('\n')}\n`);
  return { entitiesFile, suppliersFile };
}

async function freshDatabase(): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(DATABASE)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`);
  await admin.end();
  return ADMIN_URL.replace(/\/postgres$/, `/${DATABASE}`);
}

async function main(): Promise<void> {
  const facilities = numberOption('--facilities', 100_000);
  const entities = numberOption('--entities', 1000);
  const url = await freshDatabase();
  const dataSource = await new DataSource(buildDataSourceOptions(url)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const context = await NestFactory.createApplicationContext(ScreeningCliModule.forDataSource(dataSource), {
    logger: ['error', 'warn'],
  });
  const folder = mkdtempSync(path.join(tmpdir(), 'pw-bench-screening-'));
  const { entitiesFile, suppliersFile } = generateFiles(folder, entities, facilities);
  const brands = context.get(BrandsService);
  const brand = await brands.create({ name: 'Bench Brand', sectors: ['apparel'], hqCountry: 'GB' }, null);
  const imports = context.get(ListImportService);
  await imports.importEntityList('uflpa', 'UFLPA Entity List', entitiesFile, { actor: null });
  const list = await imports.importSupplierList(
    { brand: brand.slug, publishedOn: '2024-06-01' },
    suppliersFile,
    { actor: null },
  );
  await dataSource.query('VACUUM ANALYZE');

  // The ceiling first, then ours, then the ceiling again: the better ceiling is kept (the load moves).
  const ceiling = async () => {
    const started = performance.now();
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
        String(CANDIDATE_TRIGRAM_THRESHOLD),
      ]);
      await manager.query(`SELECT count(*) FROM (${PAIRS_FOR_SUPPLIER_LIST_SQL}) pairs`, [
        list.supplierListId,
        null,
      ]);
    });
    return (performance.now() - started) / 1000;
  };
  const firstCeiling = await ceiling();
  const started = performance.now();
  const added = await context.get(ScreeningService).screenSupplierList(list.supplierListId, null);
  const ours = (performance.now() - started) / 1000;
  const bestCeiling = Math.min(firstCeiling, await ceiling());
  const matches = added.filter((candidate) => candidate.decision === 'match').length;
  const load = loadAverage();

  const figure = `${facilities} facilities x ${entities} entities screened`;
  console.log(
    `${figure}: ours ${ours.toFixed(2)} s, bare pg_trgm candidate join ${bestCeiling.toFixed(2)} s`,
  );
  console.log(
    `ratio ${(ours / bestCeiling).toFixed(2)}; ${added.length} candidates (${matches} match); load average ${load}`,
  );
  const resultsDir = path.resolve(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const round = (value: number) => Math.round(value * 100) / 100;
  writeFileSync(
    path.join(resultsDir, 'screening.json'),
    `${JSON.stringify(
      {
        name: 'screening',
        loadAverage: load,
        rows: [
          {
            figure,
            unit: 's',
            ours: round(ours),
            ceiling: round(bestCeiling),
            ratio: round(ours / bestCeiling),
          },
        ],
      },
      null,
      2,
    )}\n`,
  );
  await context.close();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
