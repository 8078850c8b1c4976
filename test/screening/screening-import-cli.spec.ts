import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { builtEntry } from '../support/built-entry';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { SCREENING_FIXTURES } from './labelled-pairs';

const ENTITIES = path.join(SCREENING_FIXTURES, 'entities.csv');
const SUPPLIERS = path.join(SCREENING_FIXTURES, 'suppliers.csv');

describe('npm run cli -- screening-import', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    builtEntry('src/app/cli/main.js');
    database = await createTestDatabase();
    folder = mkdtempSync(path.join(tmpdir(), 'screening-import-'));
    const brands = path.join(folder, 'brands.csv');
    writeFileSync(brands, 'name,slug,sectors,hq_country\nScreened Brand,screened-brand,apparel,GB\n');
    expect((await runCli(['import', 'brands', brands], database.url)).code).toBe(0);
  }, 180_000);
  afterAll(() => database.drop());

  async function count(table: string): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return Number(
        (await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`)).rows[0].count,
      );
    } finally {
      await client.end();
    }
  }

  it('loads an entity list and a supplier list as the system, screens them, and a second run changes nothing', async () => {
    const entities = await runCli(
      ['screening-import', 'entities', '--list', 'uflpa', ENTITIES],
      database.url,
    );
    expect(entities.stdout).toBe(
      'entity list uflpa: 26 rows, 26 created, 0 updated, 0 unchanged; 0 screening candidates added\n',
    );
    const args = [
      'screening-import',
      'suppliers',
      '--brand',
      'screened-brand',
      '--published-on',
      '2024-03-01',
      SUPPLIERS,
    ];
    const suppliers = await runCli(args, database.url);
    expect(suppliers.stdout).toBe(
      'supplier list of screened-brand: 5 facilities (new version), 5 new or changed; 3 screening candidates added\n',
    );
    const again = await runCli(['screening-import', 'entities', '--list', 'uflpa', ENTITIES], database.url);
    expect(again.stdout).toContain('0 created, 0 updated, 26 unchanged; 0 screening candidates added');
    expect((await runCli(args, database.url)).stdout).toContain('(same file as before, unchanged)');
    expect(await count('screening_candidates')).toBe(3);
    // Four CLI processes, each starting Node and TypeORM: on a loaded shared machine that passes a minute.
  }, 180_000);

  it('refuses a 50 MB file with a repeated id near its end by line, importing nothing, with progress on stderr', async () => {
    const file = path.join(folder, 'big.csv');
    const out = createWriteStream(file);
    out.write('entity_id,name,address,country\n');
    let line = 1;
    let bytes = 0;
    while (bytes < 50 * 1024 * 1024) {
      line += 1;
      const row = `BIG${line},"Hotan Example Textile ${line} Co., Ltd.","Lop County, Hotan Prefecture, Xinjiang Uyghur Autonomous Region",CN\n`;
      bytes += row.length;
      if (!out.write(row)) await once(out, 'drain');
    }
    out.end('BIG2,Repeated id,,CN\n');
    await once(out, 'finish');
    const before = await count('entity_list_entries');
    const result = await runCli(['screening-import', 'entities', '--list', 'big', file], database.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: line ${line + 1}: entity_id: "BIG2" repeats line 2`);
    expect(result.stderr).toContain('nothing imported');
    expect(result.stderr).toMatch(/import \[.*\] \d+%/);
    expect(await count('entity_list_entries')).toBe(before);
  }, 120_000);
});
