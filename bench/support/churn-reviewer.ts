import { Pool, type Client } from 'pg';
import type { PreparedClaim } from './churn-data';
import { CHANGES_SINCE } from '../../src/public/cache/public-data-version';
import type { FreshnessBook, VersionRows } from './churn-freshness';
import { percentile } from '../monitoring-probes';

export interface ReviewResult {
  verified: number;
  failed: number;
  /** Milliseconds from sending the verify to its response, median and worst. */
  p50: number;
  max: number;
}

/**
 * A reviewer verifying another researcher's submitted claims through the API, one a second (an open loop: a
 * slow answer does not delay the next), alternating over `baseUrls`. When a verify's response returns, the
 * version the primary holds is read and recorded with the claim: from then on every read must reflect both.
 */
export async function verifyOneASecond(options: {
  baseUrls: string[];
  token: string;
  claims: PreparedClaim[];
  seconds: number;
  primaryUrl: string;
  book: FreshnessBook;
}): Promise<ReviewResult> {
  // A pool: verifies overlap when answers take longer than a second.
  const primary = new Pool({ connectionString: options.primaryUrl, max: 4 });
  const times: number[] = [];
  let failed = 0;
  const verify = async (claim: PreparedClaim, baseUrl: string) => {
    const sent = performance.now();
    const response = await fetch(`${baseUrl}/api/commitments/${claim.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'verify' }),
    }).catch(() => undefined);
    if (!response || response.status !== 200) {
      failed++;
      if (response && failed <= 3)
        console.error(`verify ${claim.id}: ${response.status} ${await response.text()}`);
      return;
    }
    const took = performance.now() - sent;
    const rows = await readVersions(primary, options.book.since());
    // Signed in, so rendered afresh from the primary: whether the card at this version shows the claim at all.
    const card = await fetch(`${baseUrl}/api/brands/${claim.brand.slug}/scorecard`, {
      headers: { authorization: `Bearer ${options.token}` },
    }).then((answer) => answer.text());
    options.book.recordVerified(claim, rows, card.includes(claim.id));
    times.push(took);
  };
  const pending: Promise<void>[] = [];
  const count = Math.min(options.seconds, options.claims.length);
  for (let index = 0; index < count; index++) {
    pending.push(verify(options.claims[index], options.baseUrls[index % options.baseUrls.length]));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await Promise.all(pending);
  await primary.end();
  return {
    verified: times.length,
    failed,
    p50: times.length ? percentile(times, 50) : NaN,
    max: times.length ? Math.max(...times) : NaN,
  };
}

/** The primary's versions now (aggregate and every scope): what every read starting from here must reflect. */
export async function primaryVersions(primaryUrl: string): Promise<VersionRows> {
  const primary = new Pool({ connectionString: primaryUrl, max: 1 });
  try {
    return await readVersions(primary, 0n);
  } finally {
    await primary.end();
  }
}

/** The versions committed after `since`, read as the app reads them. */
async function readVersions(client: Pool | Client, since: bigint): Promise<VersionRows> {
  const { rows } = await client.query<{ scope: string | null; version: string }>(CHANGES_SINCE, [
    since.toString(),
  ]);
  return rows;
}
