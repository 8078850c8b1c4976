import { execFile } from 'node:child_process';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { builtEntry } from '../support/built-entry';
import { csvFile } from './csv-files';

const CLI = builtEntry('src/app/cli/main.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- import ...` as a user runs it: the built CLI in a child process (npm test builds first). */
describe('the import command', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  function cli(...args: string[]): Promise<CliRun> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'import', ...args],
        {
          env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });
  }

  async function brandNames(): Promise<string[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ name: string }>('SELECT name FROM brands ORDER BY name');
      return result.rows.map((row) => row.name);
    } finally {
      await client.end();
    }
  }

  const file = () =>
    csvFile('brands.csv', [
      'name,sectors,hq_country',
      'Cli Alpha,apparel,GB',
      'Cli Bad,apparel,ZZ',
      'Cli Beta,toys,FR',
    ]);

  it('writes nothing on --dry-run, and exits 1 naming the bad line', async () => {
    const run = await cli('brands', file(), '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('brands (dry run): 3 rows, 2 would be created, 0 unchanged, 1 failed\n');
    expect(run.stderr).toMatch(/brands\.csv: line 3: hq_country must be an ISO 3166-1 alpha-2/);
    expect(await brandNames()).toEqual([]);
  });

  it('imports the good rows, and a second run of the same file changes nothing', async () => {
    const csv = file();
    const first = await cli('brands', csv);
    expect(first.stdout).toBe('brands: 3 rows, 2 created, 0 unchanged, 1 failed\n');
    expect(first.code).toBe(1);
    const second = await cli('brands', csv);
    expect(second.stdout).toBe('brands: 3 rows, 0 created, 2 unchanged, 1 failed\n');
    expect(await brandNames()).toEqual(['Cli Alpha', 'Cli Beta']);
  });

  it('exits 0 when every row went in, and refuses an unknown kind', async () => {
    const ok = await cli(
      'evidence',
      csvFile('evidence.csv', ['url,kind', 'https://example.org/cli-source,news']),
    );
    expect(ok).toMatchObject({ code: 0, stdout: 'evidence: 1 rows, 1 created, 0 unchanged, 0 failed\n' });
    const unknown = await cli('watches', csvFile('w.csv', ['url']));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      '<kind> must be one of: brands, commitments, findings, closures, evidence',
    );
  });
});
