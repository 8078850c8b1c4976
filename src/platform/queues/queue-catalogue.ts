import type { JobsOptions } from 'bullmq';

/**
 * The one place that names every queue, every job, its payload and its options (STYLE.md 5).
 * Features add their jobs here; the worker refuses to start when a job has no processor.
 */
export enum QueueName {
  Monitoring = 'monitoring',
  Captures = 'captures',
  Webhooks = 'webhooks',
  Catalogue = 'catalogue',
}

/** Payload of each job, by job name. */
export interface JobPayloads {
  /** Check one watch (jobIds: `repeat:watch-<id>:<slot>` from its scheduler, `check:<id>:<slot>` otherwise). */
  'check-watch': { watchId: string };
  /** Make Redis's watch schedulers match Postgres and catch up overdue checks (also run on a timer). */
  'reconcile-watches': Record<string, never>;
  /** Archive an evidence URL (jobId `capture:<evidenceId>:logged`); the pending capture row is the outbox. */
  'capture-evidence': { evidenceId: string };
  /** Re-check one evidence URL (jobId `link:<evidenceId>:<due time>`). */
  'check-link': { evidenceId: string };
  /** Enqueue the link checks that are due (a job scheduler, restored by the captures reconcile pass). */
  'sweep-links': Record<string, never>;
  /** Enqueue pending captures that have no job and restore the sweep's scheduler. */
  'reconcile-captures': Record<string, never>;
  /** POST one flag to one webhook (jobId `webhook:<webhookId>:<flagId>`). */
  'deliver-webhook': { deliveryId: string };
  /** Enqueue pending webhook deliveries that have no job. */
  'reconcile-webhooks': Record<string, never>;
  /** Recompute the brand standings whose answers a passing day changed (a job scheduler, daily after midnight UTC). */
  'refresh-brand-standings': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** Which queue carries which job. */
export const JOB_QUEUES: { [Job in JobName]: QueueName } = {
  'check-watch': QueueName.Monitoring,
  'reconcile-watches': QueueName.Monitoring,
  'capture-evidence': QueueName.Captures,
  'check-link': QueueName.Captures,
  'sweep-links': QueueName.Captures,
  'reconcile-captures': QueueName.Captures,
  'deliver-webhook': QueueName.Webhooks,
  'reconcile-webhooks': QueueName.Webhooks,
  'refresh-brand-standings': QueueName.Catalogue,
};

/** Transient failures retry with exponential backoff; finished jobs are kept briefly for the dashboard. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

/**
 * A check that failed for a transient reason (timeout, 5xx, database away) retries after about 5, 10, 20
 * and 40 s, jittered so checks that failed together do not retry together.
 */
export const CHECK_WATCH_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/** Receivers (chat tools) come back within minutes: retry quickly at first, for about half an hour in all (2^12 s). */
export const WEBHOOK_DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 },
};

/** Chromium captures are slow and hosts may be briefly down: fewer, wider-spaced retries. */
export const CAPTURE_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000, jitter: 0.3 },
};
