import type { IncomingMessage } from 'node:http';
import { today } from '../../kernel/dates/today';
import { cacheKey, carriesCredentials, isCacheablePath } from './cache-policy';

/** Where a request stands with the cache: not cacheable, private, uncertain (not listening), or keyed. */
export type CacheDecision =
  | { kind: 'bypass' }
  | { kind: 'private' }
  | { kind: 'uncertain' }
  | { kind: 'public'; key: string; version: string };

/**
 * The one decision both the front door (FrontCache, before Express) and the middleware make, so a hit served
 * early and a copy recorded late always agree on keys (and so on ETags: `etagFor(key, 'anonymous')`, which
 * a hit need not compute, its copy keeps it). `url` is the path and query as the client sent
 * them (Express rewrites `request.url` inside mounted middleware; pass `originalUrl` there).
 */
export function decide(request: IncomingMessage, url: string, version: string | null): CacheDecision {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { kind: 'bypass' };
  const query = url.indexOf('?');
  if (!isCacheablePath(query === -1 ? url : url.slice(0, query))) return { kind: 'bypass' };
  if (carriesCredentials(request)) return { kind: 'private' };
  if (version === null) return { kind: 'uncertain' };
  return { kind: 'public', key: cacheKey(version, today(), url), version };
}
