import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { today } from '../commitments/today';
import {
  cacheKey,
  carriesCredentials,
  etagFor,
  isCacheable,
  matchesEtag,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  UNCERTAIN_CACHE_CONTROL,
} from './cache-policy';
import { PublicDataVersion } from './public-data-version';
import { ResponseCache } from './response-cache';

/** Headers that describe the bytes, kept with a cached copy. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'content-language'];

/**
 * Conditional GETs and an in-memory copy of anonymous public reads, keyed by the public data version (see
 * PublicDataVersion): a verification bumps the version, which changes every ETag and key at once, so nothing
 * stale is ever served. Signed-in readers get `private, no-store` and a fresh render; so does everyone while
 * this process is not listening for changes.
 */
@Injectable()
export class PublicCacheMiddleware implements NestMiddleware {
  constructor(
    private readonly version: PublicDataVersion,
    private readonly cache: ResponseCache,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (!isCacheable(request)) return next();
    const version = this.version.current();
    if (carriesCredentials(request)) {
      onHeaders(response, (status) => setPolicy(response, status, PRIVATE_CACHE_CONTROL));
      return next();
    }
    if (version === null) {
      onHeaders(response, (status) => setPolicy(response, status, UNCERTAIN_CACHE_CONTROL));
      return next();
    }
    const key = cacheKey(version, today(), request.headers.host ?? '', request.originalUrl);
    const etag = etagFor(key, 'anonymous');
    const headers = { 'cache-control': PUBLIC_CACHE_CONTROL, etag, vary: 'Authorization, Cookie' };
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      response.writeHead(304, headers).end();
      return;
    }
    const hit = this.cache.get(key);
    if (hit) {
      response.writeHead(200, { ...hit.headers, ...headers, 'content-length': hit.body.length });
      response.end(request.method === 'HEAD' ? undefined : hit.body);
      return;
    }
    // Set now so Express does not hash the body for an ETag of its own; taken back if the answer is not a 200.
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    onHeaders(response, (status) => {
      if (status !== 200) setPolicy(response, status, PRIVATE_CACHE_CONTROL);
    });
    if (request.method === 'GET') this.record(response, key);
    next();
  }

  /** Keeps a copy of a 200 as it is written, if it is small enough and sets no cookie. */
  private record(response: Response, key: string): void {
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
    response.once('finish', () => {
      if (tooBig || response.statusCode !== 200 || response.getHeader('set-cookie') !== undefined) return;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = response.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      this.cache.set(key, { body: Buffer.concat(chunks), headers });
    });
  }
}

/** Runs `apply` with the status just before the headers go out, however the handler ends the response. */
function onHeaders(response: Response, apply: (status: number) => void): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    apply(status);
    return writeHead(status, ...rest);
  }) as Response['writeHead'];
}

function setPolicy(response: Response, _status: number, cacheControl: string): void {
  response.removeHeader('vary');
  response.removeHeader('etag');
  response.setHeader('cache-control', cacheControl);
}
