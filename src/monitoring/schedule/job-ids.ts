/**
 * Deterministic job and scheduler ids, so the same check is never queued twice. BullMQ allows a ':' in a
 * custom id only as exactly two separators, hence the dashes.
 */
export const watchSchedulerId = (watchId: string): string => `watch-${watchId}`;

export const WATCH_SCHEDULER_PREFIX = 'watch-';

/** A check outside the schedule: `first` after creation, `now-<5 s bucket>` on request, `<slot>` catch-ups. */
export const checkJobId = (watchId: string, slot: string): string => `check:${watchId}:${slot}`;

export const RECONCILE_SCHEDULER_ID = 'reconcile-watches';

/** Requests to check now within this window are one job. */
const CHECK_NOW_BUCKET_MS = 5000;

/** The slot of a requested check, from the time the request was stored (the same after a Redis loss). */
export const requestedCheckSlot = (requestedAt: Date): string =>
  `now-${Math.floor(requestedAt.getTime() / CHECK_NOW_BUCKET_MS)}`;

/** A catch-up queued by reconcile: its slot is the number of the interval it stands for. */
export const isCatchUpJobId = (jobId: string | undefined): boolean => /^check:[^:]+:\d+$/.test(jobId ?? '');
