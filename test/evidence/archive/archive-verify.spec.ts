import { brotliCompressSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../src/app/database/typeorm-options';
import { putBlob } from '../../../src/evidence/archive/blob-store';
import { runCli } from '../../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

describe('archive:verify', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const stored: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.url)).initialize();
    // More blobs than one batch of the audit, of both encodings, so the walk over the table is exercised.
    for (let n = 0; n < 120; n += 1) {
      const page = `<p>Statement ${n}: we do not source from the Uyghur Region.</p>`;
      stored.push((await putBlob(dataSource.manager, page, 'text/html')).sha256);
    }
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64, 7)]);
    stored.push((await putBlob(dataSource.manager, png, 'image/png')).sha256);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('passes an archive whose every blob hashes to its address', async () => {
    const result = await runCli(['archive:verify'], database.url);

    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Archive OK: ${stored.length} blobs`);
    expect(result.code).toBe(0);
  });

  it('names each blob whose bytes were changed or can no longer be read, and fails', async () => {
    const [edited, unreadable, image] = [stored[17], stored[88], stored[stored.length - 1]];
    const forged = brotliCompressSync(Buffer.from('<p>We may source from the region.</p>'));
    await dataSource.query(`UPDATE blobs SET content = $1 WHERE sha256 = $2`, [forged, edited]);
    await dataSource.query(`UPDATE blobs SET content = $1 WHERE sha256 = $2`, [
      Buffer.from('not brotli'),
      unreadable,
    ]);
    await dataSource.query(`UPDATE blobs SET content = $1 WHERE sha256 = $2`, [Buffer.alloc(72, 1), image]);

    const result = await runCli(['archive:verify'], database.url);

    expect(result.code).toBe(1);
    const damaged = result.stdout.split('\n').filter((line) => line.startsWith('DAMAGED'));
    expect(damaged).toHaveLength(3);
    expect(result.stdout).toMatch(
      new RegExp(`DAMAGED ${edited} \\(text/html\\): bytes hash to [0-9a-f]{64}`),
    );
    expect(result.stdout).toContain(`DAMAGED ${unreadable} (text/html): cannot be read (br)`);
    expect(result.stdout).toMatch(new RegExp(`DAMAGED ${image} \\(image/png\\): bytes hash to`));
    expect(result.stdout).toContain(`Archive BROKEN: 3 of ${stored.length} blobs do not match their SHA-256`);
  });
});
