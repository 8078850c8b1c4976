import { Pool } from 'undici';
import { percentile } from '../monitoring-probes';
import type { FreshnessBook } from './churn-freshness';
import type { Read, ReadMix } from './churn-mix';

/** What one phase served, and how many of its reads failed the freshness check. */
export interface PhaseResult {
  name: string;
  seconds: number;
  served: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  staleReads: number;
  /** Public copies whose ETag matched no global version: their content was still checked. */
  unclassifiedEtags: number;
  /** Reads whose content was checked for a claim verified before they started. */
  claimChecks: number;
  /** Reads served, their mean time and how many were renders (`x-cache: miss`) rather than copies, by kind. */
  byKind: Record<string, KindTally>;
  staleExamples: string[];
}

export interface KindTally {
  served: number;
  meanMs: number;
  rendered: number;
}

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * `connections` closed loops, each sending one public read after another (split evenly over `baseUrls`, so
 * two API processes get alternating clients instead of a proxy), for `seconds`. Anonymous and without
 * Accept-Encoding, so every body can be read and checked against `book`.
 */
export async function runPhase(options: {
  name: string;
  baseUrls: string[];
  connections: number;
  seconds: number;
  mix: ReadMix;
  book: FreshnessBook;
}): Promise<PhaseResult> {
  const { baseUrls, connections, mix, book } = options;
  const pools = baseUrls.map(
    (url) => new Pool(url, { connections: Math.ceil(connections / baseUrls.length), pipelining: 1 }),
  );
  const latencies: number[] = [];
  const byKind: Record<string, KindTally> = {};
  const staleExamples: string[] = [];
  let errors = 0;
  let staleReads = 0;
  let unclassifiedEtags = 0;
  let claimChecks = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const loop = async (index: number) => {
    const pool = pools[index % pools.length];
    while (performance.now() < deadline) {
      const read = mix.next();
      const known = book.known(read.path);
      const sent = performance.now();
      try {
        const response = await pool.request({
          method: 'GET',
          path: read.path,
          headersTimeout: REQUEST_TIMEOUT_MS,
          bodyTimeout: REQUEST_TIMEOUT_MS,
        });
        const body = await response.body.text();
        if (response.statusCode !== 200) {
          errors++;
          continue;
        }
        const took = performance.now() - sent;
        latencies.push(took);
        const kind = (byKind[read.kind] ??= { served: 0, meanMs: 0, rendered: 0 });
        kind.meanMs += (took - kind.meanMs) / ++kind.served;
        if (response.headers['x-cache'] === 'miss') kind.rendered++;
        const etag = response.headers.etag;
        const verdict = book.check(read, known, body, typeof etag === 'string' ? etag : undefined);
        if (verdict.unclassifiedEtag) unclassifiedEtags++;
        if (verdict.claimChecked) claimChecks++;
        if (verdict.stale) {
          staleReads++;
          if (staleExamples.length < 5) staleExamples.push(`${read.path}: ${verdict.reason}`);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => loop(index)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pools.map((pool) => pool.close()));
  // Only 200 answers are timed: errors and timeouts are counted apart.
  const served = latencies.length;
  return {
    name: options.name,
    seconds,
    served,
    errors,
    rps: served / seconds,
    p50: served ? percentile(latencies, 50) : NaN,
    p99: served ? percentile(latencies, 99) : NaN,
    staleReads,
    unclassifiedEtags,
    claimChecks,
    byKind,
    staleExamples,
  };
}

/**
 * Reads each of `reads` once from every API process (unchecked, uncounted), `connections` at a time, for at most
 * `maxSeconds`: the popular pages a live site has in its cache before the measured phases. Returns how many.
 */
export async function warmUp(
  baseUrls: string[],
  reads: Read[],
  connections: number,
  maxSeconds: number,
): Promise<number> {
  const queue = baseUrls.flatMap((baseUrl) => reads.map((read) => `${baseUrl}${read.path}`));
  const deadline = performance.now() + maxSeconds * 1000;
  let done = 0;
  const loop = async () => {
    for (let url = queue.pop(); url && performance.now() < deadline; url = queue.pop()) {
      await fetch(url)
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
      done++;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return done;
}
