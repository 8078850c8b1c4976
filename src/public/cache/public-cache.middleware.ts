import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { decide } from './cache-lookup';
import {
  etagFor,
  matchesEtag,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  UNCERTAIN_CACHE_CONTROL,
} from './cache-policy';
import { PublicDataVersion } from './public-data-version';
import { cachedResponse, ResponseCache, type CachedResponse } from './response-cache';
import { preferredCoding } from './content-coding';
import { RendersInFlight, type SettleRender } from './renders-in-flight';

/** A public read the cache could not answer from a copy: what rendering it (or waiting for a render) needs. */
interface Miss {
  request: Request;
  response: Response;
  next: NextFunction;
  decision: { key: string; scope: string; version: string };
  /** Cache-Control, ETag and Vary of the public copy. */
  headers: Record<string, string>;
}

/** Headers of one exchange, never replayed from a copy. */
const NOT_KEPT = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-request-id',
  // The copy keeps the body as rendered; compressed forms are made when first asked for and labelled then.
  'content-encoding',
]);

/**
 * Says whether a public read was served from this process's copy (`hit`) or rendered (`miss`), as CDNs do, so
 * an operator (and a test) can see which reads a change re-rendered.
 */
const CACHE_STATUS = 'x-cache';

/** Public copies may be sent compressed, so caches between us and the reader must key on Accept-Encoding too. */
const PUBLIC_VARY = 'Authorization, Cookie, Accept-Encoding';

/**
 * Conditional GETs and the recording of anonymous public reads, keyed by the version of what the URL shows
 * (its scope, public-scope.ts; see PublicDataVersion): a verification moves the versions of the brands and
 * companies it can change and the aggregate one, which changes their ETags and keys at once, so nothing stale
 * is ever served, and leaves every other brand's copies in place. Copies are served by FrontCache, before
 * Express; this middleware sees the misses (and any request that arrives before the front door is installed). Signed-in readers get `private, no-store` and
 * a fresh render; so does everyone while this process is not listening for changes.
 */
@Injectable()
export class PublicCacheMiddleware implements NestMiddleware {
  private readonly inFlight = new RendersInFlight();

  constructor(
    private readonly version: PublicDataVersion,
    private readonly cache: ResponseCache,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const decision = decide(request, request.originalUrl, this.version);
    switch (decision.kind) {
      case 'bypass':
        return next();
      case 'private':
        onHeaders(response, () => setPolicy(response, PRIVATE_CACHE_CONTROL));
        return next();
      case 'uncertain':
        onHeaders(response, () => setPolicy(response, UNCERTAIN_CACHE_CONTROL));
        return next();
      case 'public':
        break;
    }
    const etag = etagFor(decision.key, 'anonymous');
    const headers = { 'cache-control': PUBLIC_CACHE_CONTROL, etag, vary: PUBLIC_VARY };
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      response.writeHead(304, headers).end();
      return;
    }
    const hit = this.cache.get(decision.key);
    if (hit) {
      serveCopy(request, response, hit, this.cache);
      return;
    }
    this.joinOrRender({ request, response, next, decision, headers });
  }

  /**
   * Waits for the render of this very key another request is running, and answers with its copy; renders when
   * none is running or the one waited for gave no copy (an error, a cookie), so one of the waiters leads next.
   */
  private joinOrRender(miss: Miss): void {
    const rendering = this.inFlight.of(miss.decision.key);
    if (!rendering) return this.render(miss);
    void rendering.then((copy) => {
      if (copy) serveCopy(miss.request, miss.response, copy, this.cache);
      else this.joinOrRender(miss);
    });
  }

  private render({ request, response, next, decision, headers }: Miss): void {
    // Set now so Express does not hash the body for an ETag of its own; taken back if the answer is not a 200.
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader(CACHE_STATUS, 'miss');
    onHeaders(response, (status) => {
      if (status !== 200) setPolicy(response, PRIVATE_CACHE_CONTROL);
    });
    if (request.method === 'GET') {
      this.record(response, decision, headers.etag, this.inFlight.lead(decision.key));
    }
    next();
  }

  /**
   * Keeps a copy of a 200 as it is written, with its headers, if it is small enough and sets no cookie, and
   * hands it to the requests that waited for this render (`settle`).
   */
  private record(
    response: Response,
    { key, scope, version }: { key: string; scope: string; version: string },
    etag: string,
    settle: SettleRender,
  ): void {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooBig = false;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      bytes += buffer.length;
      if (bytes > this.cache.maxEntryBytes) tooBig = true;
      else chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    let finished = false;
    // A render cut short (the client left, the socket broke) shares nothing: its waiters render for themselves.
    response.once('close', () => {
      if (!finished) settle(undefined);
    });
    response.once('finish', () => {
      finished = true;
      if (tooBig || response.statusCode !== 200 || response.getHeader('set-cookie') !== undefined) {
        return settle(undefined);
      }
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(response.getHeaders())) {
        if (!NOT_KEPT.has(name) && value !== undefined) headers[name] = value;
      }
      headers[CACHE_STATUS] = 'hit';
      const copy = cachedResponse(Buffer.concat(chunks), headers, etag);
      // A copy whose scope moved on while rendering could never be asked for again; the requests that waited
      // for it asked for that version, so they are still answered with it.
      if (this.version.versionOf(scope) === version) this.cache.set(key, copy, scope);
      settle(copy);
    });
  }
}

/**
 * Sends a cached copy with exactly the headers the original was sent with (security headers included), in the
 * compressed form the client prefers when there is one.
 */
export function serveCopy(
  request: IncomingMessage,
  response: ServerResponse,
  copy: CachedResponse,
  cache: ResponseCache,
): void {
  const form = cache.formFor(copy, preferredCoding(request.headers['accept-encoding']));
  response.writeHead(200, form.head);
  response.end(request.method === 'HEAD' ? undefined : form.body);
}

/** Runs `apply` with the status just before the headers go out, however the handler ends the response. */
function onHeaders(response: Response, apply: (status: number) => void): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    apply(status);
    return writeHead(status, ...rest);
  }) as Response['writeHead'];
}

function setPolicy(response: Response, cacheControl: string): void {
  response.removeHeader('etag');
  response.removeHeader('vary');
  response.setHeader('cache-control', cacheControl);
}
