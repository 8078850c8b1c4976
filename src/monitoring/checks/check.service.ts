import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { isFetchError } from '../../../scrapers';
import type { JobPayloads } from '../../platform/queues/queue-catalogue';
import { Fetchers } from '../../platform/fetching/fetchers.provider';
import { HostPoliteness } from '../../platform/fetching/politeness/host-politeness';
import { WatchesRepository } from '../watches/watches.repository';
import { CheckRecorder } from './check-recorder';
import { KeptSnapshotRecorder, unreadableReason } from './kept-snapshot-recorder';
import { fetchWatchedPage } from './page-fetch';

/**
 * Thrown after a bot-walled check was recorded, so BullMQ tries again with backoff (walls often lift within
 * minutes); the last attempt completes instead, leaving the next scheduled check to try.
 */
export class WalledCheck extends Error {
  override name = 'WalledCheck';
}

/**
 * One check of one watch: take a polite slot on the host, fetch, and hand the result to the recorder.
 * Failures by kind (STYLE.md 6): a transient fetch failure or a database error is rethrown so BullMQ
 * retries with backoff; a permanent fetch failure (blocked, invalid, too large...) is recorded and the job
 * completes. A page that is gone is not a failure at all: the recorder flags it. A bot wall is neither a
 * change nor a failure: it is recorded as `blocked` and retried with backoff; an unreadable PDF is recorded
 * as `unreadable`; both keep the last good snapshot.
 */
@Injectable()
export class CheckService {
  private readonly logger = new Logger(CheckService.name);

  constructor(
    private readonly watches: WatchesRepository,
    private readonly fetchers: Fetchers,
    private readonly politeness: HostPoliteness,
    private readonly recorder: CheckRecorder,
    private readonly keptSnapshot: KeptSnapshotRecorder,
  ) {}

  async run(job: Job<JobPayloads['check-watch']>, token: string | undefined): Promise<string> {
    const watch = await this.watches.findById(job.data.watchId);
    if (!watch) return 'skipped: the watch no longer exists';
    // A scheduled check that was already queued when the watch was paused; requested checks still run.
    if (!watch.active && job.repeatJobKey) return 'skipped: the watch is paused';
    const holder = `${job.id ?? 'job'}:${token ?? ''}`;
    const slot = await this.politeness.acquire(watch.url, holder);
    if (!slot.granted) {
      // Not a failure and not a sleep: the job goes back to the delayed set and frees this worker slot.
      await job.moveToDelayed(Date.now() + slot.retryInMs, token);
      throw new DelayedError();
    }
    const context = { watchId: watch.id, jobId: job.id ?? '', startedAt: Date.now() };
    let fetched;
    try {
      fetched = await fetchWatchedPage(this.fetchers, watch);
    } catch (error) {
      if (!isFetchError(error)) throw error;
      await this.recorder.recordFailure(context, error.message).catch((recordError: unknown) => {
        this.logger.warn(`Could not record a failed check of ${watch.id}: ${(recordError as Error).message}`);
      });
      if (error.retryable) throw error;
      return `failed: ${error.message}`;
    } finally {
      await slot.release();
    }
    if (fetched.wall) {
      const outcome = await this.keptSnapshot.recordBlocked(context, fetched, fetched.wall);
      const attemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      if (outcome !== 'skipped' && attemptsLeft) {
        throw new WalledCheck(`blocked by ${fetched.wall.vendor}: ${fetched.wall.reason}`);
      }
      return outcome;
    }
    const unreadable = unreadableReason(fetched);
    if (unreadable) {
      await this.keptSnapshot.recordUnreadable(context, fetched, unreadable);
      return `unreadable: ${unreadable}`;
    }
    return this.recorder.recordResult(context, fetched);
  }
}
