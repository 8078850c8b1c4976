import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase } from '../test/support/test-database';
import { cloneCatalogue } from './support/churn-data';
import { measureChurn, type ChurnOutcome } from './support/churn-run';
import { scaleOutRun, type ScaleOutOutcome } from './support/churn-scale-out';
import { ChurnStack } from './support/churn-stack';
import { loadAverage, numberOption } from './support/cli';
import { cleanUpOnInterrupt } from './support/on-interrupt';

/**
 * A busy review day (issue 19): public reads of 100k brands with Zipf popularity (scorecard JSON, brand page,
 * badge, the campaigner's list and facets, by brand and by sector) from 50 connections, first with no writes,
 * then while a reviewer verifies one submitted claim a second through the API. Every read is checked against
 * what it must reflect (bench/support/churn-freshness.ts). Goals: served req/s under churn >= 0.5x the
 * no-churn run, p99 < 50 ms, 0 stale reads. With --scale-out, the same again on a primary and a streaming
 * replica of its own with 2 API and 2 worker processes (bench/support/churn-scale-out.ts): 0 stale reads,
 * 0 lost checks, served rate beside the single process's.
 *   node -r ts-node/register/transpile-only bench/churn.bench.ts [--seconds 30] [--connections 50]
 *     [--scale-out] [--regenerate] [--keep-database]
 * Builds nothing: run `npm run build` first (npm run bench does). Its own database (cloned from a kept
 * template of generated brands, pw_bench_churn_template), Redis and API process; all stopped at the end.
 */
const RESULTS = path.join(__dirname, 'results');
const LOG_DIR = path.join(RESULTS, 'churn-logs');

async function singleProcessRun(seconds: number, connections: number): Promise<ChurnOutcome> {
  const databaseName = `pw_bench_churn_${randomBytes(3).toString('hex')}`;
  const url = await cloneCatalogue(databaseName, process.argv.includes('--regenerate'), console.log);
  const stack = new ChurnStack({ databaseUrl: url, logDir: LOG_DIR, logPrefix: 'single' });
  const forgetStack = cleanUpOnInterrupt(() => stack.close());
  try {
    await stack.start(1);
    return await measureChurn({
      label: '1 API',
      primaryUrl: url,
      baseUrls: stack.baseUrls,
      connections,
      seconds,
    });
  } finally {
    await stack.close();
    forgetStack();
    if (!process.argv.includes('--keep-database')) await dropDatabase(databaseName);
  }
}

async function main(): Promise<void> {
  const seconds = numberOption('--seconds', 30);
  const connections = numberOption('--connections', 50);
  mkdirSync(LOG_DIR, { recursive: true });
  const single = {
    loadAtStart: loadAverage(),
    outcome: await singleProcessRun(seconds, connections),
    loadAtEnd: loadAverage(),
  };
  summarise(single.outcome, single.loadAtStart, single.loadAtEnd);
  let scaled: { loadAtStart: string; outcome: ScaleOutOutcome; loadAtEnd: string } | undefined;
  if (process.argv.includes('--scale-out')) {
    const loadAtStart = loadAverage();
    const outcome = await scaleOutRun({ connections, seconds, logDir: LOG_DIR, log: console.log });
    scaled = { loadAtStart, outcome, loadAtEnd: loadAverage() };
    summarise(outcome, loadAtStart, scaled.loadAtEnd);
    console.log(
      `scale-out served under churn ${outcome.busy.rps.toFixed(0)} req/s beside the single process's ` +
        `${single.outcome.busy.rps.toFixed(0)}; LOST CHECKS ${outcome.lostChecks}`,
    );
  }
  writeFileSync(
    path.join(RESULTS, 'churn.json'),
    JSON.stringify({ name: 'churn', single, scaled, rows: rows(single.outcome, scaled?.outcome) }, null, 2),
  );
}

function summarise(outcome: ChurnOutcome, loadAtStart: string, loadAtEnd: string): void {
  const { quiet, busy } = outcome;
  console.log(
    `[${outcome.label}] served under churn / no churn: ${busy.rps.toFixed(0)} / ${quiet.rps.toFixed(0)} = ` +
      `${(busy.rps / quiet.rps).toFixed(2)} (goal >= 0.5); p99 ${busy.p99.toFixed(1)} ms (goal < 50); ` +
      `STALE READS ${quiet.staleReads + busy.staleReads} (goal 0); load average ${loadAtStart} at start, ` +
      `${loadAtEnd} at end (2 cores)`,
  );
}

/** The rows bench/report.ts prints: each figure beside what it is measured against in the same run. */
function rows(single: ChurnOutcome, scaled?: ScaleOutOutcome) {
  const stale = (outcome: ChurnOutcome) => outcome.quiet.staleReads + outcome.busy.staleReads;
  const result = [
    {
      figure: 'public reads served under churn (ceiling: no churn)',
      unit: 'req/s',
      ours: Math.round(single.busy.rps),
      ceiling: Math.round(single.quiet.rps),
      ratio: single.busy.rps / single.quiet.rps,
    },
    {
      figure: 'p99 under churn (ceiling: no churn)',
      unit: 'ms',
      ours: single.busy.p99,
      ceiling: single.quiet.p99,
      ratio: single.busy.p99 / single.quiet.p99,
    },
    { figure: 'stale reads', unit: 'reads', ours: stale(single), ceiling: 0, ratio: null },
  ];
  if (!scaled) return result;
  return [
    ...result,
    {
      figure: 'scale-out (2 API, replica) served under churn (ceiling: 1 API)',
      unit: 'req/s',
      ours: Math.round(scaled.busy.rps),
      ceiling: Math.round(single.busy.rps),
      ratio: scaled.busy.rps / single.busy.rps,
    },
    { figure: 'scale-out stale reads', unit: 'reads', ours: stale(scaled), ceiling: 0, ratio: null },
    { figure: 'scale-out lost checks', unit: 'checks', ours: scaled.lostChecks, ceiling: 0, ratio: null },
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
