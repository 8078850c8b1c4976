import Parser from 'rss-parser';
import { DataSource } from 'typeorm';
import { Role } from '../../src/identity/auth/role.enum';
import { rawRequest } from '../support/raw-http';
import { PublicDataVersion } from '../../src/public/cache/public-data-version';
import { createUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { buildPublicCatalogue, type PublicCatalogue } from './site/public-catalogue';

const PUBLIC_URL = 'https://pledgewatch.example.org';

/** Hosts a feed reader, a proxy or an attacker may put in the request: none may reach a link or an id. */
const HOSTS = (baseUrl: string): Array<Record<string, string>> => [
  { host: new URL(baseUrl).host },
  { host: 'localhost' },
  { host: 'www.pledgewatch.example.org' },
  { host: 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
];

describe('absolute links come from PUBLIC_URL, whatever Host the client sent', () => {
  let testApp: TestApp;
  let catalogue: PublicCatalogue;
  const parser = new Parser<object, { id: string; updated: string }>({ customFields: { item: ['updated'] } });

  beforeAll(async () => {
    testApp = await startTestApp({ env: { PUBLIC_URL } });
    catalogue = await buildPublicCatalogue(testApp);
  });
  afterAll(() => testApp.close());

  const get = (target: string, headers: Record<string, string>) =>
    rawRequest(testApp.baseUrl, { method: 'GET', target, headers });

  it('gives a feed reader the same entry ids and links under every Host, as tag: URIs and public pages', async () => {
    const feeds = [];
    for (const headers of HOSTS(testApp.baseUrl)) {
      const response = await get('/feed.atom', headers);
      expect(response.status).toBe(200);
      expect(response.body).not.toContain('evil.example');
      expect(response.body).not.toContain('127.0.0.1');
      feeds.push(await parser.parseString(response.body));
    }
    const [first, ...others] = feeds;
    expect(first.items.length).toBeGreaterThanOrEqual(5);
    for (const feed of others) {
      expect(feed.items.map((item) => [item.id, item.link])).toEqual(
        first.items.map((item) => [item.id, item.link]),
      );
    }
    for (const item of first.items) {
      expect(item.id).toMatch(/^tag:pledgewatch\.example\.org,2026:(commitment|finding|disclosure)\/[\w-]+$/);
      expect(item.link?.startsWith(`${PUBLIC_URL}/brands`)).toBe(true);
    }
    expect(first.feedUrl ?? first.link).toMatch(/^https:\/\/pledgewatch\.example\.org\//);
  });

  it("links each entry to the record's place on its brand page, which answers", async () => {
    const feed = await parser.parseString((await get('/feed.atom', {})).body);
    const entry = feed.items.find((item) => item.link?.includes(`/brands/${catalogue.hostile.slug}#`));
    const link = new URL(entry?.link ?? '');
    const page = await get(link.pathname, {});
    expect(page.status).toBe(200);
    expect(page.body).toContain(`id="${link.hash.slice(1)}"`);
  });

  it('dates an entry from its verification by a reviewer, or from the change itself when the system verified it', async () => {
    const reviewer = await createUser(testApp, Role.Reviewer);
    const dataSource = testApp.app.get(DataSource);
    const version = testApp.app.get(PublicDataVersion);
    const before = version.current();
    // The factories verify as the system (like an import); one commitment is verified by a person instead.
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [[reviewed]] = await dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE commitments SET reviewed_by = $1, reviewed_at = '2026-03-04T05:06:07Z'
       WHERE id = (SELECT id FROM commitments WHERE status = 'verified' ORDER BY effective_on LIMIT 1)
       RETURNING id`,
      [reviewer.id],
    );
    // The cached feed is dropped when the change's notification arrives.
    await waitFor(() => version.current() !== before, { description: 'the public data version to move' });
    const feed = await parser.parseString((await get('/feed.atom', {})).body);
    const updatedOf = (id: string) => feed.items.find((item) => item.id?.endsWith(`/${id}`))?.updated;
    expect(updatedOf(reviewed.id)).toBe('2026-03-04T05:06:07.000Z');
    const disclosure = feed.items.find((item) => item.id?.includes(':disclosure/'));
    // Disclosed on 2022-06-01 (public-catalogue.ts), verified by the system moments ago.
    expect(disclosure?.updated).toBe('2022-06-01T00:00:00.000Z');
    expect(disclosure?.pubDate).toBe('2022-06-01T00:00:00.000Z');
  });

  it('puts PUBLIC_URL in the canonical, Open Graph and embed links of a brand page, never the Host', async () => {
    const path = `/brands/${catalogue.alpha.slug}`;
    for (const headers of HOSTS(testApp.baseUrl)) {
      const page = await get(path, headers);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}${path}"/>`);
      expect(page.body).toContain(`<meta property="og:url" content="${PUBLIC_URL}${path}"/>`);
      expect(page.body).toContain(`content="${PUBLIC_URL}/badge/${catalogue.alpha.slug}.svg"`);
      expect(page.body).not.toContain('evil.example');
    }
  });

  it('gives every export row an absolute page link under PUBLIC_URL', async () => {
    const response = await get('/api/export/brands.json', { host: 'evil.example' });
    const rows = JSON.parse(response.body) as Array<{ slug: string; page: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.page).toBe(`${PUBLIC_URL}/brands/${row.slug}`);
  });
});
