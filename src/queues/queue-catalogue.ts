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
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- features declare their jobs here
export interface JobPayloads {}

export type JobName = keyof JobPayloads;

/** Which queue carries which job. */
export const JOB_QUEUES: { [Job in JobName]: QueueName } = {};

/** Transient failures retry with exponential backoff; finished jobs are kept briefly for the dashboard. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
