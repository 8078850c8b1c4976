import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { percentile } from '../monitoring-probes';
import { SETTLE_MS, STEADY, type FaultWindow } from './soak-faults';
import type { CheckLedger, DuplicateLedger } from './soak-ledger';
import { isServed, type LoadTally } from './soak-load';
import type { SoakOptions } from './soak-options';
import type { RecoveryFigures } from './soak-recovery';

export interface SoakOutcome {
  options: SoakOptions;
  uptime: { before: string; after: string };
  durationMs: number;
  windows: FaultWindow[];
  tallies: Map<string, LoadTally>;
  checks: CheckLedger;
  duplicates: DuplicateLedger;
  recovery: RecoveryFigures;
  captures: Record<string, number>;
  memory: { api: MemoryTrace; worker: MemoryTrace };
}

/** Bytes of resident memory (process tree) when the load started, when it ended, and the peak between. */
export interface MemoryTrace {
  start: number;
  end: number;
  peak: number;
}

export const DEFINITIONS = {
  outageWindow: `a fault's window runs from the moment it is caused until ${SETTLE_MS / 1000} s after it is undone; a request belongs to the window its start falls in, every other request is steady state`,
  error:
    'any answer that is not 2xx or 3xx, or no answer within the timeout (the mix sends only valid requests)',
  checkSlot:
    'every time `next + k * interval` a watch scheduler declared at the start, up to the end of the load (the grace period after it is for finishing, not for new slots)',
  checkLost:
    'a slot is lost when, after the grace period, no check row carries its own job id (repeat:watch-<id>:<slot>), no other check of that watch (a reconcile catch-up, a requested check, a later slot) recorded at or after the slot time, and its own job is not waiting, delayed (a retry) or running in Redis. Slots may share a later check (BullMQ skips the slots of a watch whose job started late; reconcile sends one catch-up, not a burst); how late is reported as slot-to-check delay. A requested check (POST /api/watches/:id/check answered 201, found by its audit entry) is lost when no row carries its job id, its job is not pending, and no check of the watch succeeded after the request (the requested-check outbox re-queues a request until a check has finished after it)',
  duplicate:
    'two snapshots of one watch with one content hash; two flags for one change; two open page-gone flags on a watch; more snapshots of a watch than different statements its page served; more change flags than times its statement changed between two answers',
  killToDone:
    'from the SIGKILL to the moment each check the dead worker was running (still in BullMQ\'s active list after the kill) was done: a check row with its job id, or its re-run completing as skipped because the watch had been checked since it was due, or another check of the watch; ceiling: the lock duration ("a killed check re-runs within the lock duration")',
  fetchesAfterRestart:
    "requests for one watch's page in the local site's log in the minute after a new worker was spawned (cut short by the next fault), for the watch with the most fetches beyond what it was owed; ceiling: what it was owed, its scheduled slots in that time plus the checks requested of it (recorded in it) plus the re-run of a check the kill interrupted",
  gapAfterRedisLoss:
    'the longest time between two checks of a watch (any outcome), the later one after Redis went away, up to the start of the next fault; ceiling: one interval plus one reconcile interval (a watch more than one interval late whose scheduler was lost gets its catch-up at the next reconcile pass)',
  postgresRestart:
    'simulated: the API and the worker reach Postgres through a TCP proxy that drops every connection and refuses new ones for the window, as a restart would (the shared Postgres itself is never restarted)',
};

const MIB = 2 ** 20;

export function writeSoakReport(outcome: SoakOutcome): void {
  const steady = outcome.tallies.get(STEADY) ?? emptyTally();
  const all = [...outcome.tallies.values()];
  const sentAll = sum(all.map((tally) => tally.sent));
  const servedOf = (tally: LoadTally) =>
    sum(
      Object.entries(tally.byStatus)
        .filter(([s]) => isServed(s))
        .map(([, n]) => n),
    );
  const { checks, duplicates, memory, recovery } = outcome;
  const duplicateCount = sum(Object.values(duplicates) as number[]);
  const accounted = checks.doneByOwnJob + checks.coveredByLaterCheck + checks.pending;
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  const rows = [
    row('requests served, steady state', 'requests', servedOf(steady), steady.sent),
    row(
      'requests sent per second (offered rate held)',
      'req/s',
      sentAll / (outcome.durationMs / 1000),
      outcome.options.requestsPerSecond,
    ),
    row('scheduled check slots done or pending', 'slots', accounted, checks.scheduled),
    row(
      'requested checks done or pending',
      'checks',
      checks.requested.done + checks.requested.covered + checks.requested.pending,
      checks.requested.accepted,
    ),
    {
      figure: 'checks lost (must be 0)',
      unit: 'slots',
      ours: checks.lost.length + checks.requested.lost,
      ceiling: 0,
      ratio: null,
    },
    {
      figure: 'duplicate snapshots/flags (must be 0)',
      unit: 'rows',
      ours: duplicateCount,
      ceiling: 0,
      ratio: null,
    },
    ...recoveryRows(recovery),
    row('API RSS, end vs start', 'MiB', memory.api.end / MIB, memory.api.start / MIB),
    row('worker RSS incl. Chromium, end vs start', 'MiB', memory.worker.end / MIB, memory.worker.start / MIB),
  ].map((r) => ({
    ...r,
    ours: round(r.ours, 1),
    ceiling: round(r.ceiling, 1),
    ratio: r.ratio === null ? null : round(r.ratio),
  }));

  console.log(
    `\nSoak: ${outcome.options.minutes} min, ${outcome.options.watches} watches every ${(outcome.options.minuteMs * 5) / 1000} s, ${outcome.options.requestsPerSecond} req/s offered`,
  );
  console.log(`uptime before: ${outcome.uptime.before}\nuptime after:  ${outcome.uptime.after}`);
  console.log('\nFaults:');
  for (const w of outcome.windows) console.log(`  ${w.name}: ${w.note}`);
  console.log('\nRequests by window (status: count):');
  for (const [bucket, tally] of outcome.tallies) {
    const statuses = Object.entries(tally.byStatus)
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.log(
      `  ${bucket}: ${tally.sent} sent, ${servedOf(tally)} served, p95 ${percentile(tally.latenciesMs, 95)} ms, ${tally.skipped} beats skipped; ${statuses}`,
    );
    for (const [target, byStatus] of Object.entries(tally.byTarget)) {
      const errors = Object.entries(byStatus).filter(([s]) => !isServed(s));
      if (errors.length) console.log(`      ${target}: ${errors.map(([s, n]) => `${s} x${n}`).join(', ')}`);
    }
  }
  console.log(
    `\nChecks: ${checks.scheduled} slots scheduled; ${checks.doneByOwnJob} done by their own job, ${checks.coveredByLaterCheck} covered by a later check (catch-up, requested or the next slot's), ${checks.pending} pending, ${checks.lost.length} lost`,
  );
  console.log(
    `  slot to check: p50 ${checks.delayMs.p50} ms, p95 ${checks.delayMs.p95} ms, max ${checks.delayMs.max} ms; ${checks.doneLate} slots done more than two intervals late`,
  );
  console.log(
    `  requested: ${JSON.stringify(checks.requested)}; exhausted jobs ${checks.exhaustedJobs}; watches without a scheduler ${checks.unscheduledWatches}; jobs recorded twice ${checks.jobsRecordedTwice}`,
  );
  console.log(`  check rows by kind: ${JSON.stringify(checks.rowsByKind)}`);
  for (const lost of checks.lost.slice(0, 10))
    console.log(`  LOST: watch ${lost.watchId} slot ${lost.slot} (job state ${lost.state})`);
  console.log(`Duplicates: ${JSON.stringify(duplicates)}`);
  printRecovery(recovery);
  console.log(`Evidence captures made during the soak, by state: ${JSON.stringify(outcome.captures)}`);
  console.log(
    `Memory (MiB) start/end/peak: API ${mib(memory.api)}; worker incl. Chromium ${mib(memory.worker)} (the worker was restarted twice: "start" is the first worker's, "end" the last one's)`,
  );
  console.log('\nDefinitions:');
  for (const [term, text] of Object.entries(DEFINITIONS)) console.log(`  ${term}: ${text}`);
  console.table(rows);

  const result = {
    name: 'soak',
    options: outcome.options,
    uptime: outcome.uptime,
    definitions: DEFINITIONS,
    faults: outcome.windows.map((w) => ({
      ...w,
      startedAt: new Date(w.startedAt).toISOString(),
      recoveredAt: w.recoveredAt && new Date(w.recoveredAt).toISOString(),
    })),
    requests: Object.fromEntries(
      [...outcome.tallies].map(([bucket, t]) => [
        bucket,
        {
          sent: t.sent,
          served: servedOf(t),
          skipped: t.skipped,
          p50Ms: percentile(t.latenciesMs, 50),
          p95Ms: percentile(t.latenciesMs, 95),
          p99Ms: percentile(t.latenciesMs, 99),
          byStatus: t.byStatus,
          byTarget: t.byTarget,
        },
      ]),
    ),
    checks,
    duplicates,
    recovery,
    captures: outcome.captures,
    memoryMiB: { api: mibObject(memory.api), worker: mibObject(memory.worker) },
    rows,
  };
  const dir = path.join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
}

/** The three recovery figures as table rows: seconds and fetches, ceilings from what the monitor promises. */
function recoveryRows(recovery: RecoveryFigures) {
  const rows = [];
  if (recovery.killToDoneMs !== null)
    rows.push(
      row(
        'worker SIGKILL: kill to interrupted check done',
        's',
        recovery.killToDoneMs / 1000,
        recovery.lockDurationMs / 1000,
      ),
    );
  for (const burst of recovery.bursts)
    rows.push(
      row(
        `fetches of one watch in the ${Math.round(burst.windowMs / 1000)} s after a ${burst.fault.split(' ')[1]} restart`,
        'fetches',
        burst.fetches,
        burst.owed,
      ),
    );
  const gap = recovery.afterRedisLoss;
  if (gap)
    rows.push(
      row(
        'longest gap between checks of a watch after Redis lost its data',
        's',
        gap.longestGapMs / 1000,
        gap.ceilingMs / 1000,
      ),
    );
  return rows;
}

function printRecovery(recovery: RecoveryFigures): void {
  console.log('Recovery:');
  if (!recovery.interrupted.length) console.log('  the SIGKILL interrupted no check');
  for (const check of recovery.interrupted)
    console.log(
      `  interrupted ${check.jobId}: re-run started ${seconds(check.rerunStartedAfterMs)}, done ${seconds(check.doneAfterMs)} after the kill (${check.how}); lock duration ${recovery.lockDurationMs / 1000} s`,
    );
  for (const burst of recovery.bursts)
    console.log(
      `  after "${burst.fault}": watch ${burst.watchId} fetched ${burst.fetches} times in ${seconds(burst.windowMs)}, owed ${burst.owed}; most fetches of any watch ${burst.mostFetches}`,
    );
  const gap = recovery.afterRedisLoss;
  if (gap)
    console.log(
      `  after the Redis loss: longest gap ${seconds(gap.longestGapMs)} (watch ${gap.watchId}), ceiling ${seconds(gap.ceilingMs)}`,
    );
}

function seconds(ms: number | null): string {
  return ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`;
}

function row(figure: string, unit: string, ours: number, ceiling: number) {
  return { figure, unit, ours, ceiling, ratio: ceiling === 0 ? null : ours / ceiling };
}

function emptyTally(): LoadTally {
  return { sent: 0, skipped: 0, byStatus: {}, byTarget: {}, latenciesMs: [] };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mib(trace: MemoryTrace): string {
  const o = mibObject(trace);
  return `${o.start}/${o.end}/${o.peak}`;
}

function mibObject(trace: MemoryTrace) {
  return {
    start: Math.round(trace.start / MIB),
    end: Math.round(trace.end / MIB),
    peak: Math.round(trace.peak / MIB),
  };
}
