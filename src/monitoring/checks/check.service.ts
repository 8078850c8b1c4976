import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { isFetchError } from '../../../scrapers';
import type { JobPayloads } from '../../platform/queues/queue-catalogue';
import { Fetchers } from '../../platform/fetching/fetchers.provider';
import { HostPoliteness } from '../../platform/fetching/politeness/host-politeness';
import { WatchesRepository } from '../watches/watches.repository';
import { CheckRecorder } from './check-recorder';
import { KeptSnapshotRecorder, unreadableReason } from './kept-snapshot-recorder';
import { describeUnexpected } from '../../platform/queues/unexpected-error';
import { isCatchUpJobId } from '../schedule/job-ids';
import type { Watch } from '../watches/watch.entity';
import { fetchWatchedPage, type FetchedPage } from './page-fetch';

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
    if (isRoutine(job) && watch.lastCheckedAt && watch.lastCheckedAt.getTime() >= dueAt(job)) {
      return `skipped: checked at ${watch.lastCheckedAt.toISOString()}, after this check was due`;
    }
    const context = { watchId: watch.id, jobId: job.id ?? '', startedAt: Date.now() };
    let fetched: FetchedPage;
    try {
      fetched = await this.politelyFetch(job, token, watch);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      // An error nobody classed (a TypeError...) is recorded like a transient failure and retried: after
      // its attempts the job fails, and every attempt left a failed check behind.
      const message = isFetchError(error) ? error.message : describeUnexpected(error);
      await this.recorder.recordFailure(context, message).catch((recordError: unknown) => {
        this.logger.warn(`Could not record a failed check of ${watch.id}: ${(recordError as Error).message}`);
      });
      if (!isFetchError(error) || error.retryable) throw error;
      return `failed: ${error.message}`;
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

  private async politelyFetch(job: Job, token: string | undefined, watch: Watch): Promise<FetchedPage> {
    const holder = `${job.id ?? 'job'}:${token ?? ''}`;
    const slot = await this.politeness.acquire(watch.url, holder);
    if (!slot.granted) {
      // Not a failure and not a sleep: the job goes back to the delayed set and frees this worker slot.
      await job.moveToDelayed(Date.now() + slot.retryInMs, token);
      throw new DelayedError();
    }
    try {
      return await fetchWatchedPage(this.fetchers, watch);
    } finally {
      await slot.release();
    }
  }
}

/**
 * A check the schedule owes rather than one a person asked for: the scheduler's runs and reconcile's
 * catch-ups. After a restart the interrupted check, a catch-up and the scheduler's overdue run can arrive
 * together; one whose watch was checked at or after the time it was due has had its check already and is
 * skipped, so a restart never fetches one page in a burst (and no slot goes without a check at or after
 * it). First checks, "check now" and retries always run.
 */
function isRoutine(job: Job): boolean {
  // A retry after a failed attempt is not a new check: the failure itself set the last check time.
  return job.attemptsMade === 0 && (Boolean(job.repeatJobKey) || isCatchUpJobId(job.id));
}

/** When the job was due: added at `timestamp`, to run `delay` later (a scheduler's next slot). */
function dueAt(job: Job): number {
  return job.timestamp + (job.opts.delay ?? 0);
}
