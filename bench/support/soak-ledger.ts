import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import { percentile } from '../monitoring-probes';

/** A watch's schedule as its BullMQ job scheduler declared it when the soak began. */
export interface WatchSchedule {
  watchId: string;
  path: string;
  /** The first slot at or after the start (ms since epoch); later slots follow every `every` ms. */
  next: number;
  every: number;
}

export interface CheckLedger {
  /** Slots `next + k * every` that fell inside the soak, summed over the watches. */
  scheduled: number;
  /** ...checked by the slot's own job, `repeat:watch-<id>:<slot>`. */
  doneByOwnJob: number;
  /**
   * ...whose own job never ran (Redis lost it, or BullMQ skipped the slot because the job before it started
   * late) but the watch was checked after the slot by another check: a catch-up, a requested check, or
   * the next slot's job.
   */
  coveredByLaterCheck: number;
  /** ...whose own job is still waiting, delayed (a retry too) or running at the end. */
  pending: number;
  lost: Array<{ watchId: string; slot: string; state: string }>;
  /** Time from a slot to the check that did it (its own job or the covering check). */
  delayMs: { p50: number; p95: number; max: number };
  /** Slots done more than two intervals after their time (outages and an overloaded worker explain some). */
  doneLate: number;
  /**
   * Requested checks: done by their own job, covered (their job never ran, but a check of the watch was
   * recorded after the request: the requested-check outbox re-queues a request only until a check has
   * finished after it), pending, or lost.
   */
  requested: { accepted: number; done: number; covered: number; pending: number; lost: number };
  /** Check jobs in BullMQ's failed set: every attempt used up. */
  exhaustedJobs: number;
  /** Active watches with no job scheduler in Redis at the end (their future checks would be lost). */
  unscheduledWatches: number;
  /** Job ids with two successful check rows (a finished check ran again: at-least-once, not a bug). */
  jobsRecordedTwice: number;
  rowsByKind: Record<string, number>;
}

interface CheckRow {
  watch_id: string;
  job_id: string;
  first_at: Date;
}

const PENDING_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * Checks lost, precisely: a slot of an active watch in [start, end] is lost when, after the grace period,
 * (1) no check row carries its own job id, (2) no other check of the watch recorded at or after the slot's
 * time, and (3) its own job is not waiting, delayed or running in Redis. Several slots may share one later
 * check: BullMQ and the reconcile pass deliberately run one check for a watch that fell behind, not a burst.
 */
export async function checkLedger(
  db: Client,
  queue: Queue,
  schedules: WatchSchedule[],
  window: { start: number; end: number },
): Promise<CheckLedger> {
  const { rows } = await db.query<CheckRow>(
    `SELECT watch_id, job_id, min(checked_at) AS first_at FROM watch_checks
      WHERE checked_at >= $1 AND job_id IS NOT NULL GROUP BY watch_id, job_id`,
    [new Date(window.start)],
  );
  const byJob = new Map(rows.map((row) => [row.job_id, row]));
  const ledger: CheckLedger = {
    scheduled: 0,
    doneByOwnJob: 0,
    coveredByLaterCheck: 0,
    pending: 0,
    lost: [],
    delayMs: { p50: 0, p95: 0, max: 0 },
    doneLate: 0,
    requested: { accepted: 0, done: 0, covered: 0, pending: 0, lost: 0 },
    exhaustedJobs: (await queue.getFailed(0, -1)).filter((job) => job.name === 'check-watch').length,
    unscheduledWatches: 0,
    jobsRecordedTwice: 0,
    rowsByKind: countByKind(rows),
  };
  const delays: number[] = [];
  for (const schedule of schedules) {
    const times = rows
      .filter((row) => row.watch_id === schedule.watchId)
      .map((row) => row.first_at.getTime())
      .sort((a, b) => a - b);
    for (let slot = schedule.next; slot <= window.end; slot += schedule.every) {
      ledger.scheduled += 1;
      const own = byJob.get(`repeat:watch-${schedule.watchId}:${slot}`);
      const later = times.find((at) => at >= slot);
      const doneAt = own ? own.first_at.getTime() : later;
      if (doneAt !== undefined) {
        if (own) ledger.doneByOwnJob += 1;
        else ledger.coveredByLaterCheck += 1;
        delays.push(doneAt - slot);
        if (doneAt - slot > 2 * schedule.every) ledger.doneLate += 1;
        continue;
      }
      const state = await queue.getJobState(`repeat:watch-${schedule.watchId}:${slot}`);
      if (PENDING_STATES.has(state)) ledger.pending += 1;
      else ledger.lost.push({ watchId: schedule.watchId, slot: new Date(slot).toISOString(), state });
    }
  }
  ledger.delayMs = { p50: percentile(delays, 50), p95: percentile(delays, 95), max: Math.max(0, ...delays) };
  ledger.requested = await requestedChecks(db, queue, byJob, window.start);
  const schedulerKeys = new Set((await queue.getJobSchedulers(0, -1)).map((s) => s.key));
  const active = await db.query<{ id: string }>('SELECT id FROM watches WHERE active');
  ledger.unscheduledWatches = active.rows.filter((row) => !schedulerKeys.has(`watch-${row.id}`)).length;
  const twice = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT job_id FROM watch_checks
      WHERE checked_at >= $1 AND outcome <> 'failed' GROUP BY job_id HAVING count(*) > 1) AS doubled`,
    [new Date(window.start)],
  );
  ledger.jobsRecordedTwice = twice.rows[0].n;
  return ledger;
}

/** Checks the API accepted (POST /api/watches/:id/check answered 201: its audit entry names the job). */
async function requestedChecks(
  db: Client,
  queue: Queue,
  byJob: Map<string, CheckRow>,
  start: number,
): Promise<CheckLedger['requested']> {
  const { rows } = await db.query<{ job_id: string; watch_id: string; asked_at: Date }>(
    `SELECT after->>'jobId' AS job_id, min(entity_id) AS watch_id, min(occurred_at) AS asked_at
       FROM audit_log WHERE action = 'watch.check' AND occurred_at >= $1 GROUP BY after->>'jobId'`,
    [new Date(start)],
  );
  const result = { accepted: rows.length, done: 0, covered: 0, pending: 0, lost: 0 };
  for (const { job_id: jobId, watch_id: watchId, asked_at: askedAt } of rows) {
    if (byJob.has(jobId)) result.done += 1;
    else if (PENDING_STATES.has(await queue.getJobState(jobId))) result.pending += 1;
    else if (await checkedSince(db, watchId, askedAt)) result.covered += 1;
    else result.lost += 1;
  }
  return result;
}

async function checkedSince(db: Client, watchId: string, since: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM watch_checks WHERE watch_id = $1 AND checked_at >= $2 AND outcome <> 'failed' LIMIT 1`,
    [watchId, since],
  );
  return rows.length > 0;
}

function countByKind(rows: CheckRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const kind = row.job_id.startsWith('repeat:')
      ? 'scheduled'
      : row.job_id.includes(':now-')
        ? 'requested'
        : /:\d+$/.test(row.job_id)
          ? 'catch-up'
          : 'other';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

export interface DuplicateLedger {
  /** Two snapshots of one watch with the same content hash (the unique index should make this 0). */
  snapshotsSameContent: number;
  /** Two change flags for one (watch, old snapshot, new snapshot). */
  flagsSameChange: number;
  /** More than one open page-gone flag on a watch. */
  openGoneFlagsTwice: number;
  /** Snapshots beyond the number of different statements the site served to that watch's page. */
  snapshotsBeyondServed: number;
  /** Change flags beyond the number of times the page's statement changed between two answers. */
  flagsBeyondServedChanges: number;
}

export async function duplicateLedger(
  db: Client,
  pathOf: Map<string, string>,
  served: Map<string, { distinct: number; changes: number }>,
): Promise<DuplicateLedger> {
  const one = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
  const perWatch = await db.query<{ watch_id: string; snapshots: number; flags: number }>(
    `SELECT w.id AS watch_id,
            (SELECT count(*)::int FROM snapshots s WHERE s.watch_id = w.id) AS snapshots,
            (SELECT count(*)::int FROM flags f WHERE f.watch_id = w.id AND f.kind = 'change') AS flags
       FROM watches w`,
  );
  let snapshotsBeyondServed = 0;
  let flagsBeyondServedChanges = 0;
  for (const row of perWatch.rows) {
    const site = served.get(pathOf.get(row.watch_id) ?? '');
    if (!site) continue;
    snapshotsBeyondServed += Math.max(0, row.snapshots - site.distinct);
    flagsBeyondServedChanges += Math.max(0, row.flags - site.changes);
  }
  return {
    snapshotsSameContent: await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM snapshots GROUP BY watch_id, content_hash HAVING count(*) > 1) d`,
    ),
    flagsSameChange: await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM flags WHERE kind = 'change'
        GROUP BY watch_id, old_snapshot_id, new_snapshot_id HAVING count(*) > 1) d`,
    ),
    openGoneFlagsTwice: await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM flags WHERE kind = 'page_gone' AND returned_at IS NULL
        GROUP BY watch_id HAVING count(*) > 1) d`,
    ),
    snapshotsBeyondServed,
    flagsBeyondServedChanges,
  };
}
