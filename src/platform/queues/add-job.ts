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
 */
export async function ensureJob<Name extends JobName>(
  queue: Queue,
  name: Name,
  payload: JobPayloads[Name],
  options: JobsOptions & { jobId: string },
): Promise<boolean> {
  const existing = await queue.getJob(options.jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
    await existing.remove().catch(() => undefined);
  }
  await addJob(queue, name, payload, options);
  return true;
}
