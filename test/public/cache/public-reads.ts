import type { TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

/** Every cacheable public read that shows one brand (its page, badge, JSON, scorecard and claim lists). */
export function brandReads(slug: string): string[] {
  return [
    `/brands/${slug}`,
    `/badge/${slug}.svg`,
    `/api/brands/${slug}`,
    `/api/brands/${slug}/scorecard`,
    `/api/brands/${slug}/commitments`,
    `/api/brands/${slug}/findings`,
    `/api/brands/${slug}/disclosures`,
  ];
}

/** The company's own reads. */
export function companyReads(slug: string): string[] {
  return [`/api/companies/${slug}`, `/api/companies/${slug}/commitments`];
}

/** The reads over every brand. */
export const AGGREGATE_READS = ['/', '/brands', '/api/brands', '/api/brands/facets', '/feed.atom'];

export interface Read {
  status: number;
  etag: string | null;
  cache: string | null;
  body: string;
}

/** An anonymous GET, with what the cache says about it (`x-cache: hit` or `miss`). */
export async function read(testApp: TestApp, path: string): Promise<Read> {
  const response = await fetch(`${testApp.baseUrl}${path}`);
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cache: response.headers.get('x-cache'),
    body: await response.text(),
  };
}

/** Reads each path until it is served from the cache; returns the ETags the copies carry. */
export async function warm(testApp: TestApp, paths: string[]): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  for (const path of paths) {
    // A copy is kept once the render has been sent (its response's `finish`), a moment after the client has it.
    // Waits for a cached copy with an ETag; a status other than 200 ends the wait at once.
    const copy = await waitFor(
      async () => {
        const answer = await read(testApp, path);
        return answer.status !== 200 || (answer.cache === 'hit' && answer.etag) ? answer : undefined;
      },
      { timeoutMs: 2_000, intervalMs: 20, description: `GET ${path} to be served from the cache` },
    );
    if (copy.status !== 200 || !copy.etag) throw new Error(`GET ${path} answered ${copy.status}`);
    etags.set(path, copy.etag);
  }
  return etags;
}

/**
 * For each path: `rendered again` (`miss`, a new ETag), `kept` (its old copy: `hit`, the same ETag), or what
 * it was instead (a stale copy, a lost one).
 */
export async function outcomes(
  testApp: TestApp,
  etags: Map<string, string>,
): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [path, etag] of etags) {
    const now = await read(testApp, path);
    if (now.cache === 'miss' && now.etag !== etag) result[path] = 'rendered again';
    else if (now.cache === 'hit' && now.etag === etag) result[path] = 'kept';
    else
      result[path] = `${now.status} ${now.cache ?? 'no x-cache'} etag ${now.etag === etag ? 'same' : 'new'}`;
  }
  return result;
}

/** The expectation for `outcomes`: every path of `paths` with the same outcome. */
export function all(paths: string[], outcome: 'rendered again' | 'kept'): Record<string, string> {
  return Object.fromEntries(paths.map((path) => [path, outcome]));
}
