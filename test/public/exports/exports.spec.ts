import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { EXPORT_LIMITS, exportLimitKey } from '../../../src/public/exports/export-rate-limiter';
import { csvCell } from '../../../src/public/exports/csv';
import { Role } from '../../../src/identity/auth/role.enum';
import { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { createUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { waitFor } from '../../support/wait-for';
import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /api/export/brands.csv and .json', () => {
  let testApp: TestApp;
  let factory: CatalogueFactory;

  beforeAll(async () => {
    testApp = await startTestApp();
    factory = new CatalogueFactory(testApp);
    const group = await factory.verifiedCompany({ name: 'Exporters Group' });
    await factory.verifiedCommitment({ company: group.slug });
    await factory.verifiedBrand({ name: 'Export Committed', company: group.slug });
    await factory.verifiedBrand({
      name: '=SUM(A1:A9)',
      aliases: ['+1', '-2', '@cmd', '\tTab', 'say "hi", ok'],
    });
    await factory.verifiedBrand({ name: 'Export Motor', sectors: ['automotive'] });
    await factory.brand({ name: 'Export Draft' });
  });
  afterAll(() => testApp.close());

  const get = (path: string) => fetch(`${testApp.baseUrl}${path}`);
  const slugsOf = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => /^"([^"]*)"/.exec(line)?.[1]);

  it('neutralises spreadsheet formulas and quotes every cell', () => {
    expect(['=1+1', '+1', '-1', '@x', '\tx', '\rx', 'plain', 'a "quote", here'].map(csvCell)).toEqual([
      `"'=1+1"`,
      `"'+1"`,
      `"'-1"`,
      `"'@x"`,
      `"'\tx"`,
      `"'\rx"`,
      '"plain"',
      '"a ""quote"", here"',
    ]);
  });

  it('exports exactly the brands GET /api/brands lists for the same filters, as an attachment', async () => {
    for (const query of ['', '?commitment=none', '?sector=apparel&commitment=any', '?q=export']) {
      const listed = (await (await get(`/api/brands${query}${query ? '&' : '?'}limit=200`)).json()) as {
        items: Array<{ slug: string }>;
      };
      const csv = await get(`/api/export/brands.csv${query}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(
        /^attachment; filename="pledgewatch-brands-[\w-]+\.csv"$/,
      );
      expect(slugsOf(await csv.text())).toEqual(listed.items.map((item) => item.slug));
      const json = (await (await get(`/api/export/brands.json${query}`)).json()) as Array<{ slug: string }>;
      expect(json.map((row) => row.slug)).toEqual(listed.items.map((item) => item.slug));
    }
    expect(
      (await get('/api/export/brands.json?sector=apparel&commitment=none')).headers.get(
        'content-disposition',
      ),
    ).toContain('-apparel-none.json"');
  });

  it('writes hostile names and aliases as inert text', async () => {
    const csv = await (await get('/api/export/brands.csv?q=sum')).text();
    const [, row] = csv.trim().split('\r\n');
    expect(row).toContain(`"'=SUM(A1:A9)"`);
    expect(row).toContain(`"'+1; -2; @cmd; \tTab; say ""hi"", ok"`);
    const [brand] = (await (await get('/api/export/brands.json?q=sum')).json()) as Array<{ name: string }>;
    expect(brand.name).toBe('=SUM(A1:A9)');
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    const response = await get('/api/export/brands.csv?commitment=maybe');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('commitment');
  });

  it('streams a large export in full', async () => {
    await testApp.app.get(DataSource).query(
      `INSERT INTO brands (slug, name, sectors, status, reviewed_at)
       SELECT 'bulk-' || lpad(n::text, 5, '0'), 'Bulk ' || n, '{bulk}', 'verified', now()
       FROM generate_series(1, 5000) n`,
    );
    const csv = await (await get('/api/export/brands.csv?sector=bulk')).text();
    const slugs = slugsOf(csv);
    expect(slugs).toHaveLength(5000);
    expect([slugs[0], slugs[4999]]).toEqual(['bulk-00001', 'bulk-05000']);
  });

  it('gives an anonymous export an ETag and answers 304 until the public data changes', async () => {
    const version = testApp.app.get(PublicDataVersion);
    await waitFor(() => version.current() !== null, { description: 'the cache listening' });
    const first = await get('/api/export/brands.json?sector=apparel');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('vary')).toContain('Cookie');
    const again = await fetch(`${testApp.baseUrl}/api/export/brands.json?sector=apparel`, {
      headers: { 'if-none-match': etag },
    });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, etag, '']);
    const researcher = await createUser(testApp, Role.Researcher);
    const signedIn = await fetch(`${testApp.baseUrl}/api/export/brands.json?sector=apparel`, {
      headers: { ...researcher.headers, 'if-none-match': etag },
    });
    expect([signedIn.status, signedIn.headers.get('etag')]).toEqual([200, null]);
    const before = version.current();
    await factory.verifiedBrand({ name: 'Export Newcomer' });
    await waitFor(() => version.current() !== before, { description: 'the version to move' });
    const changed = await fetch(`${testApp.baseUrl}/api/export/brands.json?sector=apparel`, {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Export Newcomer');
  });

  it('answers 429 with Retry-After once an address has used its exports for the window', async () => {
    const redis = new Redis(testApp.config.redisUrl);
    try {
      await redis.set(exportLimitKey(testApp.config.queuePrefix, '127.0.0.1'), EXPORT_LIMITS.perIp, 'EX', 60);
      await redis.set(
        exportLimitKey(testApp.config.queuePrefix, '::ffff:127.0.0.1'),
        EXPORT_LIMITS.perIp,
        'EX',
        60,
      );
      const limited = await get('/api/export/brands.json');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
