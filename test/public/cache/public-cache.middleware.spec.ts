import type { Request, Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublicCacheMiddleware } from '../../../src/public/cache/public-cache.middleware';
import type { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { ResponseCache } from '../../../src/public/cache/response-cache';

/**
 * The render race, held still: a render reads the data, a change commits and moves the brand's version, and only
 * then does the render finish. Its copy must not be served as the brand's page at the new version.
 */
describe('the public cache middleware and a render that races a change', () => {
  let server: Server;
  let baseUrl: string;
  const cache = new ResponseCache(1024 * 1024, 64 * 1024);
  /** What PublicDataVersion would say; moved by hand here, as a NOTIFY moves it. */
  const versions = new Map<string, string>([['b:zara', '1']]);
  const version = {
    versionOf: (scope: string) => versions.get(scope) ?? '0',
  } as unknown as PublicDataVersion;
  let stored = 'old';
  let hold: Promise<void> = Promise.resolve();
  let rendered = () => undefined as void;

  beforeAll(async () => {
    const middleware = new PublicCacheMiddleware(version, cache);
    server = createServer((request, response) => {
      (request as Request).originalUrl = request.url ?? '/';
      middleware.use(request as Request, response as unknown as Response, () => {
        const body = stored;
        rendered();
        // The render has read the data; the change may commit now, before it is sent.
        void hold.then(() => response.writeHead(200, { 'content-type': 'text/plain' }).end(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    return { cache: response.headers.get('x-cache'), body: await response.text() };
  };

  it('keeps a render whose scope did not move, and serves it', async () => {
    expect(await get('/brands/zara')).toEqual({ cache: 'miss', body: 'old' });
    expect(cache.size.entries).toBe(1);
    expect(await get('/brands/zara')).toEqual({ cache: 'hit', body: 'old' });
  });

  it('does not keep a render that read the data before the change moved its scope', async () => {
    versions.set('b:zara', '2');
    cache.clear();
    let release = () => undefined as void;
    hold = new Promise((resolve) => (release = resolve));
    const read = new Promise<void>((resolve) => (rendered = resolve));
    const racing = get('/brands/zara');
    await read;
    // The change commits: new data, and the NOTIFY moves the brand's version.
    stored = 'new';
    versions.set('b:zara', '3');
    release();
    expect(await racing).toEqual({ cache: 'miss', body: 'old' });
    expect(cache.size.entries).toBe(0);
    expect(await get('/brands/zara')).toEqual({ cache: 'miss', body: 'new' });
    expect(await get('/brands/zara')).toEqual({ cache: 'hit', body: 'new' });
  });
});
