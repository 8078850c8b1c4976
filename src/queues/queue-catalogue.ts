import type { JobsOptions } from 'bullmq';

/**
 * The one place that names every queue, every job, its payload and its options (STYLE.md 5).
 * Features add their jobs here; the worker refuses to start when a job has no processor.
 */
export enum QueueName {
  Monitoring = 'monitoring',
  Captures = 'captures',
  Maintenance = 'maintenance',
}

/** Payload of each job, by job name. */
export interface JobPayloads {
  /** Check one watch (jobIds: `repeat:watch-<id>:<slot>` from its scheduler, `check:<id>:<slot>` otherwise). */
  'check-watch': { watchId: string };
  /** Make Redis's watch schedulers match Postgres and catch up overdue checks (also run on a timer). */
  'reconcile-watches': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** Which queue carries which job. */
export const JOB_QUEUES: { [Job in JobName]: QueueName } = {
  'check-watch': QueueName.Monitoring,
  'reconcile-watches': QueueName.Monitoring,
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
