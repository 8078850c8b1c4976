import type { IncomingMessage } from 'node:http';
import { today } from '../../kernel/dates/today';
import { cacheKey, carriesCredentials, isCacheablePath } from './cache-policy';
import { scopeOf } from './public-scope';

/** A scope's version, null while it is not known (PublicDataVersion.versionOf). */
export interface ScopedVersions {
  versionOf(scope: string): string | null;
}

/** Where a request stands with the cache: not cacheable, private, uncertain (not listening), or keyed. */
export type CacheDecision =
  | { kind: 'bypass' }
  | { kind: 'private' }
  | { kind: 'uncertain' }
  | { kind: 'public'; key: string; scope: string; version: string };

/**
 * The one decision both the front door (FrontCache, before Express) and the middleware make, so a hit served
 * early and a copy recorded late always agree on keys (and so on ETags: `etagFor(key, 'anonymous')`, which
 * a hit need not compute, its copy keeps it). `url` is the path and query as the client sent
 * them (Express rewrites `request.url` inside mounted middleware; pass `originalUrl` there). The key holds the
 * version of the URL's scope (public-scope.ts) read now, before any render reads the database: a render that
 * races a change is then kept under the older version, which no later lookup asks for.
 */
export function decide(request: IncomingMessage, url: string, versions: ScopedVersions): CacheDecision {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { kind: 'bypass' };
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!isCacheablePath(path)) return { kind: 'bypass' };
  const scope = scopeOf(path, query === -1 ? '' : url.slice(query + 1));
  if (scope === null) return { kind: 'bypass' };
  if (carriesCredentials(request)) return { kind: 'private' };
  const version = versions.versionOf(scope);
  if (version === null) return { kind: 'uncertain' };
  return { kind: 'public', key: cacheKey(version, today(), url), scope, version };
}
