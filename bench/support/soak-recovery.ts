import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import type { RecordedRequest } from '../../test/support/fixture-server';
import type { FaultWindow } from './soak-faults';
import type { WatchSchedule } from './soak-ledger';

/** The recovery figures issue 15 asks for, each with what the monitor promises as its ceiling. */
export interface RecoveryFigures {
  /** Checks the SIGKILL interrupted, and when each was done after the kill. */
  interrupted: InterruptedCheck[];
  /** The slowest of them, kill to done (null when the kill interrupted no check). */
  killToDoneMs: number | null;
  /** "A killed check re-runs within the lock duration" (MONITORING_LOCK_DURATION_MS). */
  lockDurationMs: number;
  /** One entry per worker restart: the watch fetched most beyond what it was owed in the minute after. */
  bursts: RestartBurst[];
  /** The longest time a watch went unchecked across the Redis loss, up to the next fault. */
  afterRedisLoss: { longestGapMs: number; watchId: string; ceilingMs: number } | null;
}

export interface InterruptedCheck {
  jobId: string;
  watchId: string;
  /** When its re-run started (BullMQ's processedOn), after the kill. */
  rerunStartedAfterMs: number | null;
  doneAfterMs: number | null;
  /** 'own job' (a check row with its id), 'skipped' (its re-run found the watch checked), 'covered', 'not done'. */
  how: string;
}

export interface RestartBurst {
  fault: string;
  windowMs: number;
  watchId: string;
  fetches: number;
  /** Scheduled slots in the window, requested checks recorded in it, and the interrupted check's re-run. */
  owed: number;
  /** The most fetches of any one watch's page in the window, whatever it was owed. */
  mostFetches: number;
}

export interface RecoveryInput {
  db: Client;
  queue: Queue;
  windows: FaultWindow[];
  schedules: WatchSchedule[];
  /** The local site's request log: every fetch of a watched page, with its time. */
  siteRequests: RecordedRequest[];
  loadEndedAt: number;
  lockDurationMs: number;
  reconcileIntervalMs: number;
}

/** A minute of wall-clock time: "in the minute after a restart". */
const MINUTE_MS = 60_000;

export async function recoveryFigures(input: RecoveryInput): Promise<RecoveryFigures> {
  const killed = input.windows.find((w) => w.killedAt !== undefined);
  const interrupted = killed ? await interruptedChecks(input, killed) : [];
  const closedAt = Date.now();
  const waits = interrupted.map((check) => check.doneAfterMs ?? closedAt - (killed?.killedAt ?? closedAt));
  return {
    interrupted,
    killToDoneMs: waits.length ? Math.max(...waits) : null,
    lockDurationMs: input.lockDurationMs,
    bursts: await restartBursts(input, interrupted),
    afterRedisLoss: await gapsAfterRedisLoss(input),
  };
}

/** Each interrupted job: its own check row after the kill, else its completed re-run, else a later check. */
async function interruptedChecks(input: RecoveryInput, killed: FaultWindow): Promise<InterruptedCheck[]> {
  const killedAt = killed.killedAt as number;
  const result: InterruptedCheck[] = [];
  for (const jobId of killed.interruptedJobIds ?? []) {
    const job = await input.queue.getJob(jobId);
    const watchId = (job?.data as { watchId?: string } | undefined)?.watchId ?? jobId.split(':')[1];
    const after = (at: number | undefined) => (at !== undefined && at >= killedAt ? at - killedAt : null);
    const own = await firstCheckAt(input.db, 'job_id = $1', jobId, killedAt);
    const covered = await firstCheckAt(input.db, 'watch_id = $1', watchId, killedAt);
    const finished = after(job?.finishedOn);
    const [doneAfterMs, how] =
      own !== null
        ? [own - killedAt, 'own job']
        : finished !== null
          ? [finished, `skipped: ${String(job?.returnvalue)}`]
          : covered !== null
            ? [covered - killedAt, 'covered by a later check of the watch']
            : [null, 'not done'];
    result.push({ jobId, watchId, rerunStartedAfterMs: after(job?.processedOn), doneAfterMs, how });
  }
  return result;
}

async function firstCheckAt(db: Client, where: string, value: string, from: number): Promise<number | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(checked_at) AS at FROM watch_checks WHERE ${where} AND checked_at >= $2`,
    [value, new Date(from)],
  );
  return rows[0].at ? rows[0].at.getTime() : null;
}

/**
 * Fetches of each watch's page in the minute after a new worker reported in (cut short by the next fault),
 * against what the watch was owed in that time: its scheduled slots, the checks people requested (recorded
 * in it) and the re-run of a check the kill interrupted. The watch with the most fetches beyond that is kept.
 */
async function restartBursts(input: RecoveryInput, interrupted: InterruptedCheck[]): Promise<RestartBurst[]> {
  const bursts: RestartBurst[] = [];
  for (const [i, window] of input.windows.entries()) {
    if (window.workerStartedAt === undefined) continue;
    const from = window.workerStartedAt;
    // The worker goes on through the grace period after the load, so the minute may run past the load.
    const to = Math.min(from + MINUTE_MS, input.windows[i + 1]?.startedAt ?? Infinity);
    const requested = await input.db.query<{ watch_id: string; n: number }>(
      `SELECT watch_id, count(DISTINCT job_id)::int AS n FROM watch_checks
        WHERE job_id LIKE '%:now-%' AND checked_at >= $1 AND checked_at < $2 GROUP BY watch_id`,
      [new Date(from), new Date(to)],
    );
    const requestedOf = new Map(requested.rows.map((row) => [row.watch_id, row.n]));
    let worst: RestartBurst | undefined;
    let mostFetches = 0;
    for (const schedule of input.schedules) {
      const fetches = input.siteRequests.filter(
        (r) => r.path === schedule.path && r.at.getTime() >= from && r.at.getTime() < to,
      ).length;
      const slots = slotsBetween(schedule, from, to);
      const reruns = window.killedAt ? interrupted.filter((c) => c.watchId === schedule.watchId).length : 0;
      const owed = slots + (requestedOf.get(schedule.watchId) ?? 0) + reruns;
      mostFetches = Math.max(mostFetches, fetches);
      const burst = { fault: window.name, windowMs: to - from, watchId: schedule.watchId, fetches, owed };
      if (!worst || fetches - owed > worst.fetches - worst.owed) worst = { ...burst, mostFetches: 0 };
    }
    if (worst) bursts.push({ ...worst, mostFetches });
  }
  return bursts;
}

function slotsBetween(schedule: WatchSchedule, from: number, to: number): number {
  const first =
    schedule.next + Math.max(0, Math.ceil((from - schedule.next) / schedule.every)) * schedule.every;
  return first >= to ? 0 : Math.floor((to - 1 - first) / schedule.every) + 1;
}

/**
 * The longest time any watch went without a check across the Redis loss: between two checks, the later one
 * after Redis went away, up to the next fault (whose own outage is not this one's doing). Owed: the rebuilt
 * scheduler's next slot, or a catch-up once the watch is more than one interval late, found by the next
 * reconcile pass; so at most one interval plus one reconcile interval (docs/monitoring.md, Faults).
 */
async function gapsAfterRedisLoss(input: RecoveryInput): Promise<RecoveryFigures['afterRedisLoss']> {
  const index = input.windows.findIndex((w) => w.redisLostAt !== undefined);
  if (index < 0) return null;
  const lostAt = input.windows[index].redisLostAt as number;
  const until = Math.min(input.windows[index + 1]?.startedAt ?? Infinity, input.loadEndedAt);
  const { rows } = await input.db.query<{ watch_id: string; at: Date }>(
    `SELECT watch_id, checked_at AS at FROM watch_checks WHERE checked_at < $1 ORDER BY watch_id, checked_at`,
    [new Date(until)],
  );
  let longest = { longestGapMs: 0, watchId: '' };
  for (const schedule of input.schedules) {
    const times = rows.filter((row) => row.watch_id === schedule.watchId).map((row) => row.at.getTime());
    times.push(until);
    for (let k = 1; k < times.length; k++) {
      if (times[k] < lostAt) continue;
      const gap = times[k] - times[k - 1];
      if (gap > longest.longestGapMs) longest = { longestGapMs: gap, watchId: schedule.watchId };
    }
  }
  const every = Math.max(...input.schedules.map((s) => s.every));
  return { ...longest, ceilingMs: every + input.reconcileIntervalMs };
}
