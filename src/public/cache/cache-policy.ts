import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../../identity/auth/session-cookie';

/**
 * Public reads that depend only on the public data versions, the URL and the day: the public pages, the feed,
 * badges and the catalogue's GET API. Exports are left out (streamed, rate-limited), and so are the archived
 * captures (immutable, with headers of their own).
 */
const CACHEABLE = [
  /^\/$/,
  /^\/brands(\/[^/]+)?$/,
  /^\/methodology$/,
  /^\/feed\.atom$/,
  /^\/badge\/[^/]+\.svg$/,
  /^\/api\/brands(\/.*)?$/,
  /^\/api\/(companies|commitments|findings|disclosures)(\/.*)?$/,
];

export function isCacheablePath(path: string): boolean {
  return CACHEABLE.some((pattern) => pattern.test(path));
}

/**
 * Whether the request may belong to a signed-in user. Decided from the credentials it carries, before the
 * guard resolves them: a stale cookie costs a private render, never a public copy shown to the wrong viewer.
 */
export function carriesCredentials(request: IncomingMessage): boolean {
  if (request.headers.authorization !== undefined) return true;
  const cookie = request.headers.cookie;
  return cookie !== undefined && cookie.includes(`${SESSION_COOKIE}=`);
}

/**
 * What a cached copy depends on: the version of the URL's scope (public-scope.ts). The UTC day is part of it ("as of today" reads change at midnight). The Host
 * header is not: every absolute link is built from the configured PUBLIC_URL, so no public response depends on
 * it, and a forged Host can neither poison a copy nor split the cache.
 */
export function cacheKey(version: string, day: string, url: string): string {
  return `${version}|${day}|${url}`;
}

/** A strong ETag from the scope's version, the day, the URL with its query, and the kind of viewer. */
export function etagFor(key: string, viewerKind: 'anonymous' | 'signed-in'): string {
  return `"${createHash('sha1').update(`${key}|${viewerKind}`).digest('base64url')}"`;
}

/** If-None-Match holds this ETag (a list, or `*`); weak comparison, as RFC 9110 asks for GET. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** While we are not listening for changes: always ask again, and we render afresh. */
export const UNCERTAIN_CACHE_CONTROL = 'no-cache';
