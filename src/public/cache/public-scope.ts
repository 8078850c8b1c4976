import { SECTOR_PATTERN } from '../../catalogue/brands/sector';

/**
 * What a cached public read depends on, named as the public-data trigger names it
 * (migrations/1796710000000-ScopedPublicVersions.ts, 1796740000000-SectorScopes.ts): `b:<ref>` for what one
 * brand's URLs show (its page, badge, scorecard and claims: its own records, its group's, its siblings),
 * `c:<ref>` for a company's, `s:<sector>` for the catalogue's list and facets filtered by one sector, and `all`
 * for the other views over many brands (home, lists, facets, feed, exports, records by id). A ref is what the
 * URL names the brand or company by: its slug, or its id (lookups accept both).
 */
export const AGGREGATE_SCOPE = 'all';
/** In a notification: every brand and company changed (too many to name within NOTIFY's 8000 bytes). */
export const EVERY_SCOPE = '*';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Routes under /api/brands whose first segment is not a brand (declared before `:slug` in their controller). */
const BRAND_LIST_ROUTES = new Set(['facets']);

/**
 * The catalogue's reads whose every other filter narrows within the sector filter (facets count within the
 * filters too), so that, given one sector, they show only brands of that sector. The list page is not among
 * them: it also shows the unfiltered facets.
 */
const SECTOR_FILTERED_ROUTES = new Set(['/api/brands', '/api/brands/facets']);

/**
 * The scope of a cacheable path and its query (without the `?`), or null when it cannot be named safely (then
 * the read is not cached). The ref is decoded as the router decodes route parameters, and an id is lowercased
 * as Postgres reads a uuid, so two spellings of one brand's URL share its scope. A sector filter counts only
 * when given once and well formed; anything else reads as the aggregate (too much, never too little).
 */
export function scopeOf(path: string, query = ''): string | null {
  const segments = path.split('/');
  const [, first, second, third] = segments;
  if (first === 'brands' && second !== undefined) return named('b', second);
  if (first === 'badge' && second !== undefined) return named('b', second.replace(/\.svg$/, ''));
  if (first === 'api' && second === 'brands' && third !== undefined && !BRAND_LIST_ROUTES.has(third)) {
    return named('b', third);
  }
  if (first === 'api' && second === 'companies' && third !== undefined) return named('c', third);
  if (SECTOR_FILTERED_ROUTES.has(path)) return sectorScope(query) ?? AGGREGATE_SCOPE;
  return AGGREGATE_SCOPE;
}

function sectorScope(query: string): string | null {
  if (!query.includes('sector=')) return null;
  const sectors = new URLSearchParams(query).getAll('sector');
  return sectors.length === 1 && SECTOR_PATTERN.test(sectors[0]) ? `s:${sectors[0]}` : null;
}

function named(kind: 'b' | 'c', segment: string): string | null {
  let ref: string;
  try {
    ref = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (!ref) return null;
  return `${kind}:${UUID.test(ref) ? ref.toLowerCase() : ref}`;
}

/** A NOTIFY payload: `<version>` then the scopes it changed, space separated; null when malformed. */
export function parseNotification(payload: string): { version: string; scopes: string[] } | null {
  const [version, ...scopes] = payload.split(' ');
  if (!version || !/^\d+$/.test(version)) return null;
  return { version, scopes: scopes.filter((scope) => scope !== '') };
}
