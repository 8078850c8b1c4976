import { DataSource } from 'typeorm';
import { Blob } from '../../../src/evidence/archive/blob.entity';
import { getBlob, putBlob, sha256Hex } from '../../../src/evidence/archive/blob-store';
import { buildDataSourceOptions } from '../../../src/app/database/typeorm-options';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

describe('the blob archive', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores text compressed under the SHA-256 of the original and gives it back unchanged', async () => {
    const html = '<p>We prohibit sourcing from the Uyghur Region.</p>'.repeat(200);
    const stored = await putBlob(dataSource.manager, html, 'text/html');
    expect(stored).toEqual({ sha256: sha256Hex(html), sizeBytes: Buffer.byteLength(html) });
    const row = await dataSource.manager.findOneByOrFail(Blob, { sha256: stored.sha256 });
    expect(row.encoding).toBe('br');
    expect(row.content.length).toBeLessThan(stored.sizeBytes / 10);
    const back = await getBlob(dataSource.manager, stored.sha256);
    expect(back?.content.toString('utf8')).toBe(html);
    expect(back?.mediaType).toBe('text/html');
  });

  it('keeps one copy of the same content stored twice, even in concurrent transactions', async () => {
    const text = 'the same snapshot text';
    await Promise.all(
      [1, 2, 3].map(() => dataSource.transaction((manager) => putBlob(manager, text, 'text/plain'))),
    );
    expect(await dataSource.manager.countBy(Blob, { sha256: sha256Hex(text) })).toBe(1);
  });

  it('stores already-compressed media as it is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const stored = await putBlob(dataSource.manager, png, 'image/png');
    const row = await dataSource.manager.findOneByOrFail(Blob, { sha256: stored.sha256 });
    expect(row.encoding).toBe('identity');
    expect((await getBlob(dataSource.manager, stored.sha256))?.content.equals(png)).toBe(true);
  });

  it('answers null for content it never stored', async () => {
    expect(await getBlob(dataSource.manager, sha256Hex('never stored'))).toBeNull();
  });
});
