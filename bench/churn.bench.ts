import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Role } from '../src/identity/auth/role.enum';
import { cloneCatalogue, dropDatabase, popularBrands, prepareClaims } from './support/churn-data';
import { FreshnessBook } from './support/churn-freshness';
import { runPhase, warmUp, type PhaseResult } from './support/churn-load';
import { ReadMix } from './support/churn-mix';
import { primaryVersion, verifyOneASecond, type ReviewResult } from './support/churn-reviewer';
import { ChurnStack } from './support/churn-stack';
import { createStaffToken } from './support/staff-token';

/**
 * A busy review day (issue 19): public reads of 100k brands with Zipf popularity (scorecard JSON, brand page,
 * badge, the campaigner's list and facets, by brand and by sector) from 50 connections, first with no writes,
 * then while a reviewer verifies one submitted claim a second through the API. Every read is checked against
 * what it must reflect (bench/support/churn-freshness.ts). Goals: served req/s under churn >= 0.5x the
 * no-churn run, p99 < 50 ms, 0 stale reads.
 *   node -r ts-node/register/transpile-only bench/churn.bench.ts [--seconds 30] [--connections 50]
 *     [--regenerate] [--keep-database]
 * Builds nothing: run `npm run build` first (npm run bench does). Its own database (cloned from a kept
 * template of generated brands, pw_bench_churn_template), Redis and API process; all stopped at the end.
 */
const RESULTS = path.join(__dirname, 'results');
/** The warm-up reads the most popular brands' pages once, for at most this long. */
const WARM_UP_BRANDS = 200;
const WARM_UP_MAX_SECONDS = 90;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function printPhase(phase: PhaseResult): void {
  console.log(
    `${phase.name.padEnd(22)} ${phase.rps.toFixed(0).padStart(6)} req/s  p50 ${phase.p50.toFixed(1)} ms  ` +
      `p99 ${phase.p99.toFixed(1)} ms  served ${phase.served}  errors ${phase.errors}  ` +
      `STALE READS ${phase.staleReads}  (ETags of no global version: ${phase.unclassifiedEtags})`,
  );
  const kinds = Object.entries(phase.byKind).map(
    ([kind, { served, meanMs }]) => `${kind} ${served} (${meanMs.toFixed(0)} ms)`,
  );
  console.log(`    by kind (served, mean time): ${kinds.join(', ')}`);
  for (const example of phase.staleExamples) console.log(`    stale: ${example}`);
}

async function main(): Promise<void> {
  const seconds = option('--seconds', 30);
  const connections = option('--connections', 50);
  const loadAtStart = load();
  console.log(`load average at start: ${loadAtStart}`);
  const logDir = path.join(RESULTS, 'churn-logs');
  mkdirSync(logDir, { recursive: true });
  const databaseName = `pw_bench_churn_${randomBytes(3).toString('hex')}`;
  const url = await cloneCatalogue(databaseName, process.argv.includes('--regenerate'), console.log);
  const stack = new ChurnStack({ databaseUrl: url, logDir });
  try {
    const researcher = await createStaffToken(url, Role.Researcher, 'churn-researcher');
    const reviewer = await createStaffToken(url, Role.Reviewer, 'churn-reviewer');
    const brands = await popularBrands(url, 100_000);
    // Claims on brands across the popular head (every tenth of the top 2,000), so many reads land on them.
    const heads = brands.slice(0, 2000).filter((_, index) => index % 10 === 0);
    const claims = await prepareClaims(
      url,
      heads,
      researcher.userId,
      seconds + 5,
      randomBytes(3).toString('hex'),
    );
    console.log(
      `${brands.length} brands read with Zipf popularity; ${claims.length} submitted claims to verify`,
    );
    await stack.start(1);
    const book = new FreshnessBook();
    book.recordVersion(await primaryVersion(url));
    const mix = new ReadMix(brands);
    const phase = (name: string, length: number) =>
      runPhase({ name, baseUrls: stack.baseUrls, connections, seconds: length, mix, book });

    const warmed = await warmUp(stack.baseUrls, mix.head(WARM_UP_BRANDS), connections, WARM_UP_MAX_SECONDS);
    console.log(`warm-up: ${warmed} reads of the ${WARM_UP_BRANDS} most popular brands and every sector`);
    const quiet = await phase('no churn', seconds);
    printPhase(quiet);
    const [busy, review] = await Promise.all([
      phase('churn (1 verify/s)', seconds),
      verifyOneASecond({
        baseUrls: stack.baseUrls,
        token: reviewer.token,
        claims,
        seconds,
        primaryUrl: url,
        book,
      }),
    ]);
    printPhase(busy);
    report(quiet, busy, review, loadAtStart);
  } finally {
    await stack.close();
    if (!process.argv.includes('--keep-database')) await dropDatabase(databaseName);
  }
}

function report(quiet: PhaseResult, busy: PhaseResult, review: ReviewResult, loadAtStart: string): void {
  const ratio = busy.rps / quiet.rps;
  const loadAtEnd = load();
  console.log(
    `reviewer: ${review.verified} verified, ${review.failed} failed, verify p50 ${review.p50.toFixed(0)} ms, ` +
      `max ${review.max.toFixed(0)} ms`,
  );
  console.log(
    `served under churn / no churn: ${busy.rps.toFixed(0)} / ${quiet.rps.toFixed(0)} = ${ratio.toFixed(2)} ` +
      `(goal >= 0.5); p99 ${busy.p99.toFixed(1)} ms (goal < 50); STALE READS ${quiet.staleReads + busy.staleReads} ` +
      `(goal 0)`,
  );
  console.log(`load average: ${loadAtStart} at start, ${loadAtEnd} at end (2 cores)`);
  writeFileSync(
    path.join(RESULTS, 'churn.json'),
    JSON.stringify(
      {
        name: 'churn',
        loadAverage: { start: loadAtStart, end: loadAtEnd },
        phases: [quiet, busy],
        review,
        rows: [
          {
            figure: 'public reads served under churn (ceiling: no churn)',
            unit: 'req/s',
            ours: Math.round(busy.rps),
            ceiling: Math.round(quiet.rps),
            ratio,
          },
          {
            figure: 'p99 under churn (ceiling: no churn)',
            unit: 'ms',
            ours: busy.p99,
            ceiling: quiet.p99,
            ratio: busy.p99 / quiet.p99,
          },
          {
            figure: 'stale reads',
            unit: 'reads',
            ours: quiet.staleReads + busy.staleReads,
            ceiling: 0,
            ratio: null,
          },
        ],
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
