import { randomBytes } from 'node:crypto';
import { Role } from '../../src/identity/auth/role.enum';
import { BENCH_SECTORS } from '../catalogue-data';
import { popularBrands, prepareClaims } from './churn-data';
import { FreshnessBook } from './churn-freshness';
import { runPhase, warmUp, type PhaseResult } from './churn-load';
import { ReadMix } from './churn-mix';
import { primaryVersions, verifyOneASecond, type ReviewResult } from './churn-reviewer';
import { createStaffToken } from './staff-token';

/** The warm-up reads the most popular brands' pages once, for at most this long. */
const WARM_UP_BRANDS = 200;
const WARM_UP_MAX_SECONDS = 90;

export interface ChurnOutcome {
  label: string;
  quiet: PhaseResult;
  busy: PhaseResult;
  review: ReviewResult;
}

function printPhase(phase: PhaseResult): void {
  console.log(
    `${phase.name.padEnd(22)} ${phase.rps.toFixed(0).padStart(6)} req/s  p50 ${phase.p50.toFixed(1)} ms  ` +
      `p99 ${phase.p99.toFixed(1)} ms  served ${phase.served}  errors ${phase.errors}  ` +
      `STALE READS ${phase.staleReads}  (reads checked for a verified claim: ${phase.claimChecks}; ` +
      `ETags of no global version: ${phase.unclassifiedEtags})`,
  );
  const kinds = Object.entries(phase.byKind).map(
    ([kind, { served, meanMs, rendered }]) =>
      `${kind} ${served} (${meanMs.toFixed(0)} ms, ${Math.round((100 * rendered) / served)} % rendered)`,
  );
  const served = Object.values(phase.byKind).reduce((sum, kind) => sum + kind.served, 0);
  const rendered = Object.values(phase.byKind).reduce((sum, kind) => sum + kind.rendered, 0);
  console.log(
    `    by kind (served, mean time, share rendered rather than served from a copy): ${kinds.join(', ')}; ` +
      `${Math.round((100 * rendered) / served)} % of all reads rendered`,
  );
  for (const example of phase.staleExamples) console.log(`    stale: ${example}`);
}

/**
 * One churn measurement against API processes already running on `primaryUrl` (100k brands): submitted claims
 * prepared by a researcher, a warm-up of the popular pages, `seconds` of reads with no writes, then `seconds`
 * of reads while a reviewer verifies one claim a second.
 */
export async function measureChurn(options: {
  label: string;
  primaryUrl: string;
  baseUrls: string[];
  connections: number;
  seconds: number;
}): Promise<ChurnOutcome> {
  const { primaryUrl: url, baseUrls, connections, seconds } = options;
  const researcher = await createStaffToken(url, Role.Researcher, 'churn-researcher');
  const reviewer = await createStaffToken(url, Role.Reviewer, 'churn-reviewer');
  const brands = await popularBrands(url, 100_000);
  // Claims on the most popular brands (those eligible, in order), so many reads land on them once verified.
  const heads = brands.slice(0, 500);
  const tag = randomBytes(3).toString('hex');
  const claims = await prepareClaims(url, heads, researcher.userId, seconds + 5, tag);
  console.log(
    `${brands.length} brands read with Zipf popularity; ${claims.length} submitted claims to verify`,
  );
  const book = new FreshnessBook();
  book.recordVersions(await primaryVersions(url));
  // Each sector's facets before any verification: the base the claims verified on its brands add to.
  for (const sector of BENCH_SECTORS) {
    const response = await fetch(`${baseUrls[0]}/api/brands/facets?sector=${sector}`);
    book.recordSectorBase(sector, await response.text());
  }
  const mix = new ReadMix(brands);
  const phase = (name: string) => runPhase({ name, baseUrls, connections, seconds, mix, book });

  const warmed = await warmUp(baseUrls, mix.head(WARM_UP_BRANDS), connections, WARM_UP_MAX_SECONDS);
  console.log(`warm-up: ${warmed} reads of the ${WARM_UP_BRANDS} most popular brands and every sector`);
  const quiet = await phase(`${options.label}: no churn`);
  printPhase(quiet);
  if (quiet.served === 0)
    throw new Error('No read was served: see the API logs in bench/results/churn-logs/');
  const [busy, review] = await Promise.all([
    phase(`${options.label}: churn`),
    verifyOneASecond({ baseUrls, token: reviewer.token, claims, seconds, primaryUrl: url, book }),
  ]);
  printPhase(busy);
  console.log(
    `reviewer: ${review.verified} verified, ${review.failed} failed, verify p50 ${review.p50.toFixed(0)} ms, ` +
      `max ${review.max.toFixed(0)} ms`,
  );
  return { label: options.label, quiet, busy, review };
}
