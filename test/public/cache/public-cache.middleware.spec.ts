import type { Request, Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublicCacheMiddleware } from '../../../src/public/cache/public-cache.middleware';
import type { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { ResponseCache } from '../../../src/public/cache/response-cache';
import { waitFor } from '../../support/wait-for';

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

/**
 * Single flight: when a popular page's scope moves, its readers all miss at once. They must share one render,
 * and a render that gives no copy must not leave them without an answer.
 */
describe('the public cache middleware and concurrent misses of one page', () => {
  let server: Server;
  let baseUrl: string;
  const cache = new ResponseCache(1024 * 1024, 64 * 1024);
  const version = { versionOf: () => '1' } as unknown as PublicDataVersion;
  let renders = 0;
  /** Requests that have reached the middleware; `use` registers a waiter (or starts the render) synchronously. */
  let arrived = 0;
  let status = 200;
  let hold: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    const middleware = new PublicCacheMiddleware(version, cache);
    server = createServer((request, response) => {
      (request as Request).originalUrl = request.url ?? '/';
      arrived++;
      middleware.use(request as Request, response as unknown as Response, () => {
        const render = ++renders;
        const answer = status;
        void hold.then(() =>
          response.writeHead(answer, { 'content-type': 'text/plain' }).end(`render ${render}`),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends `count` reads of `path`, waits until all have reached the middleware, then lets renders finish. */
  async function concurrentReads(path: string, count: number) {
    let release = () => undefined as void;
    hold = new Promise((resolve) => (release = resolve));
    const start = arrived;
    const reads = Array.from({ length: count }, async () => {
      const response = await fetch(`${baseUrl}${path}`);
      return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() };
    });
    // Every request reaches the middleware while the first render is held: all are rendering or waiting.
    await waitFor(() => arrived - start === count, {
      intervalMs: 5,
      description: `${count} reads of ${path} to reach the middleware`,
    });
    release();
    return Promise.all(reads);
  }

  it('answers every concurrent miss of a key from one render', async () => {
    renders = 0;
    const answers = await concurrentReads('/brands/zara', 6);
    expect(renders).toBe(1);
    expect(answers.map((answer) => answer.body)).toEqual(Array(6).fill('render 1'));
    expect(answers.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((answer) => answer.cache === 'hit')).toHaveLength(5);
  });

  it('renders separately for different keys', async () => {
    renders = 0;
    cache.clear();
    hold = Promise.resolve();
    const [nike, adidas] = await Promise.all([
      fetch(`${baseUrl}/brands/nike`),
      fetch(`${baseUrl}/brands/adidas`),
    ]);
    expect([await nike.text(), await adidas.text()].sort()).toEqual(['render 1', 'render 2']);
    expect(renders).toBe(2);
  });

  it('lets the waiters render for themselves when the render they waited for fails', async () => {
    renders = 0;
    cache.clear();
    status = 500;
    const answers = await concurrentReads('/brands/puma', 4);
    status = 200;
    // The failed render answers its own request; the other three wait on one another, one render at a time.
    expect(answers.every((answer) => answer.status === 500)).toBe(true);
    expect(renders).toBe(4);
    expect(cache.size.entries).toBe(0);
  });
});
