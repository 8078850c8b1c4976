import type { JobsOptions, Queue } from 'bullmq';
import type { JobName, JobPayloads } from './queue-catalogue';

/** Queue.add with the payload type the catalogue gives the job. */
export function addJob<Name extends JobName>(
  queue: Queue,
  name: Name,
  payload: JobPayloads[Name],
  options: JobsOptions = {},
): Promise<unknown> {
  return queue.add(name, payload, options);
}

/**
 * Adds a job with a deterministic id unless a live one exists. A finished job with the same id would make
 * BullMQ ignore the add, so when the caller knows the work is still owed (a pending outbox row), a finished
 * job is removed first. Returns whether a job was added.
 *
 * A job that failed for good (every attempt used) is not started again: its handler could not record the
 * outcome (the database was away, say), so `recordFailedForGood` records it now with the job's last error,
 * and the job is removed so later work under the same id starts afresh. Adding it again would reset its
 * attempts: a retry loop with no end.
 */
export async function ensureJob<Name extends JobName>(
  queue: Queue,
  name: Name,
  payload: JobPayloads[Name],
  options: JobsOptions & { jobId: string },
  recordFailedForGood: (reason: string) => Promise<void>,
): Promise<boolean> {
  const existing = await queue.getJob(options.jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
    if (state === 'failed' && existing.attemptsMade >= (existing.opts.attempts ?? 1)) {
      await recordFailedForGood(existing.failedReason || 'failed after all its attempts');
      await existing.remove().catch(() => undefined);
      return false;
    }
    await existing.remove().catch(() => undefined);
  }
  await addJob(queue, name, payload, options);
  return true;
}
