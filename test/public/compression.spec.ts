import http from 'node:http';
import zlib from 'node:zlib';
import { PublicDataVersion } from '../../src/public/cache/public-data-version';
import { ResponseCache } from '../../src/public/cache/response-cache';
import { cacheKey } from '../../src/public/cache/cache-policy';
import { today } from '../../src/kernel/dates/today';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { buildPublicCatalogue, type PublicCatalogue } from './site/public-catalogue';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still compressed. */
  wire: Buffer;
}

/** node:http, because fetch would decompress before we could look. */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            wire: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.wire).toString('utf8');
  if (coding === 'gzip') return zlib.gunzipSync(answer.wire).toString('utf8');
  return answer.wire.toString('utf8');
}

describe('compression for slow links', () => {
  let testApp: TestApp;
  let catalogue: PublicCatalogue;

  beforeAll(async () => {
    testApp = await startTestApp();
    catalogue = await buildPublicCatalogue(testApp);
    await waitFor(() => testApp.app.get(PublicDataVersion).current() !== null, {
      description: 'the cache listening',
    });
  });
  afterAll(() => testApp.close());

  it.each([
    ['HTML', () => `/brands/${catalogue.alpha.slug}`, 'text/html'],
    ['JSON', () => '/api/docs-json', 'application/json'],
    ['JSON of the API', () => `/api/brands/${catalogue.alpha.slug}/scorecard`, 'application/json'],
    ['XML', () => '/feed.atom', 'application/atom+xml'],
    ['CSV, streamed', () => '/api/export/brands.csv', 'text/csv'],
  ])('sends %s as brotli or gzip when the client asks, and as it is when not', async (_kind, path, type) => {
    const plain = await get(testApp.baseUrl, path());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toContain(type);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.wire.length).toBeGreaterThan(1024);
    const text = plain.wire.toString('utf8');
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['identity', undefined],
    ] as const) {
      // Twice: the first may be a render, the second a copy from the front door.
      for (const attempt of [1, 2]) {
        const answer = await get(testApp.baseUrl, path(), { 'accept-encoding': accept });
        expect({ accept, attempt, coding: answer.headers['content-encoding'] }).toEqual({
          accept,
          attempt,
          coding,
        });
        expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
        expect(decoded(answer)).toBe(text);
        if (coding) expect(answer.wire.length).toBeLessThan(plain.wire.length / 2);
      }
    }
  });

  it('serves cached copies in forms compressed once, not on every hit', async () => {
    const path = `/brands/${catalogue.beta.slug}`;
    const cache = testApp.app.get(ResponseCache);
    const before = cache.size.entries;
    const rendered = await get(testApp.baseUrl, path, { 'accept-encoding': 'br' });
    await waitFor(() => cache.size.entries > before, { description: 'the copy recorded with its forms' });
    const version = testApp.app.get(PublicDataVersion).versionOf(`b:${catalogue.beta.slug}`);
    const key = cacheKey(version ?? '', today(), path);
    const copy = cache.get(key);
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push(await get(testApp.baseUrl, path, { 'accept-encoding': 'br' }));
    hits.push(await get(testApp.baseUrl, path, { 'accept-encoding': 'gzip' }));
    // The very bytes stored with the copy (brotli at its best quality, unlike a render's quick pass).
    for (const hit of hits.slice(0, 5))
      expect(hit.wire.equals(copy?.forms.br?.body ?? Buffer.alloc(0))).toBe(true);
    expect(hits[5].wire.equals(copy?.forms.gzip?.body ?? Buffer.alloc(0))).toBe(true);
    expect(copy?.forms.br?.body.length).toBeLessThan(rendered.wire.length);
    expect(hits.map((hit) => hit.headers['content-encoding'])).toEqual([
      'br',
      'br',
      'br',
      'br',
      'br',
      'gzip',
    ]);
    for (const hit of hits) expect(decoded(hit)).toBe(decoded(rendered));
    expect(hits[0].headers['content-length']).toBe(String(hits[0].wire.length));
    expect(hits[0].headers.etag).toBe(rendered.headers.etag);
    const revalidated = await get(testApp.baseUrl, path, {
      'accept-encoding': 'br',
      'if-none-match': String(rendered.headers.etag),
    });
    expect(revalidated.status).toBe(304);
  });
});
