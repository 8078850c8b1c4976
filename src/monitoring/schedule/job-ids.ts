/**
 * Deterministic job and scheduler ids, so the same check is never queued twice. BullMQ allows a ':' in a
 * custom id only as exactly two separators, hence the dashes.
 */
export const watchSchedulerId = (watchId: string): string => `watch-${watchId}`;

export const WATCH_SCHEDULER_PREFIX = 'watch-';

/** A check outside the schedule: `first` after creation, `now-<5 s bucket>` on request, `<slot>` catch-ups. */
export const checkJobId = (watchId: string, slot: string): string => `check:${watchId}:${slot}`;

export const RECONCILE_SCHEDULER_ID = 'reconcile-watches';
