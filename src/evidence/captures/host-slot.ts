import { DelayedError, type Job } from 'bullmq';
import type { HostPoliteness } from '../../platform/fetching/politeness/host-politeness';

/** Runs a fetch of `url` when politeness allows; the default runs it at once (direct calls, tests). */
export type HostGate = <T>(url: string, work: () => Promise<T>) => Promise<T>;

export const ungated: HostGate = (_url, work) => work();

/**
 * Runs `work` holding one of the host's fetch slots, shared with the monitor's checks across every worker.
 * When the host is busy the job goes back to the delayed set (not a failure, not a sleep) and frees this
 * worker for other hosts.
 */
export async function withHostSlot<T>(
  politeness: HostPoliteness,
  job: Job,
  token: string | undefined,
  url: string,
  work: () => Promise<T>,
): Promise<T> {
  const slot = await politeness.acquire(url, `${job.queueName}:${job.id ?? ''}`);
  if (!slot.granted) {
    await job.moveToDelayed(Date.now() + slot.retryInMs, token);
    throw new DelayedError();
  }
  try {
    return await work();
  } finally {
    await slot.release();
  }
}
