import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { CHECK_WATCH_JOB_OPTIONS, JobPayloads, QueueName } from '../../platform/queues/queue-catalogue';
import { WatchesRepository, type ScheduledWatch } from '../watches/watches.repository';
import {
  checkJobId,
  RECONCILE_SCHEDULER_ID,
  requestedCheckSlot,
  WATCH_SCHEDULER_PREFIX,
  watchSchedulerId,
} from './job-ids';

type MonitoringPayload = JobPayloads['check-watch'] | JobPayloads['reconcile-watches'];

/**
 * A watch whose last check is older than this many intervals gets a catch-up check from reconcile, though its
 * scheduler is there: a lost job. Half an interval of slack, so a check running a little late is not doubled.
 */
const LATE_FACTOR = 1.5;

/**
 * A watch whose scheduler was gone (Redis lost its data) gets its catch-up as soon as its last check is more
 * than one interval old: the rebuilt scheduler's first run is up to an interval away, so waiting for 1.5
 * intervals could leave a daily watch unchecked for a day and a half.
 */
const LATE_FACTOR_AFTER_LOSS = 1;

export interface ReconcileReport {
  scheduled: number;
  removed: number;
  caughtUp: number;
  /** Requested checks queued (again): Redis lost them, or was away when they were asked for. */
  requested: number;
}

/**
 * The one place that writes watch schedules to Redis. Postgres says which watches are active; Redis only
 * holds a BullMQ job scheduler per active watch, which `reconcile` can rebuild at any time.
 */
@Injectable()
export class ScheduleService {
  private readonly logger = new Logger(ScheduleService.name);

  constructor(
    @InjectQueue(QueueName.Monitoring) private readonly queue: Queue<MonitoringPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly watches: WatchesRepository,
  ) {}

  async schedule(watch: ScheduledWatch): Promise<void> {
    await this.queue.upsertJobScheduler(watchSchedulerId(watch.id), this.timing(watch), {
      name: 'check-watch',
      data: { watchId: watch.id },
      opts: CHECK_WATCH_JOB_OPTIONS,
    });
  }

  async unschedule(watchId: string): Promise<void> {
    await this.queue.removeJobScheduler(watchSchedulerId(watchId));
  }

  /** Queues one check outside the schedule; a second request with the same slot is the same job. */
  async queueCheck(watchId: string, slot: string): Promise<string> {
    const jobId = checkJobId(watchId, slot);
    await this.queue.add('check-watch', { watchId }, { ...CHECK_WATCH_JOB_OPTIONS, jobId });
    return jobId;
  }

  /**
   * Makes Redis match Postgres: a scheduler for every active watch (none for others), a catch-up check for
   * every watch whose scheduled check was lost, and the scheduler of this reconcile job itself.
   */
  async reconcile(): Promise<ReconcileReport> {
    const [active, schedulers] = await Promise.all([
      this.watches.activeSchedules(),
      this.queue.getJobSchedulers(0, -1),
    ]);
    const existing = new Map(schedulers.map((scheduler) => [scheduler.key, scheduler]));
    const report: ReconcileReport = { scheduled: 0, removed: 0, caughtUp: 0, requested: 0 };
    const wanted = new Set<string>();
    const lost = new Set<string>();
    for (const watch of active) {
      const id = watchSchedulerId(watch.id);
      wanted.add(id);
      if (existing.get(id)?.every === this.timing(watch).every) continue;
      if (!existing.has(id)) lost.add(watch.id);
      await this.schedule(watch);
      report.scheduled += 1;
    }
    for (const key of existing.keys()) {
      if (!key.startsWith(WATCH_SCHEDULER_PREFIX) || wanted.has(key)) continue;
      await this.queue.removeJobScheduler(key);
      report.removed += 1;
    }
    for (const watch of await this.overdue(lost)) {
      // One slot per interval: reconciles until the catch-up has run re-add the same job id, a no-op.
      const every = this.timing(watch).every;
      await this.queueCheck(watch.id, String(Math.floor(Date.now() / every)));
      report.caughtUp += 1;
    }
    // Re-adding a job id that is still queued (or kept as completed) is a no-op, so this never doubles.
    for (const request of await this.watches.unansweredCheckRequests()) {
      await this.queueCheck(request.id, requestedCheckSlot(request.requestedAt));
      report.requested += 1;
    }
    if (existing.get(RECONCILE_SCHEDULER_ID)?.every !== this.config.monitoring.reconcileIntervalMs) {
      await this.queue.upsertJobScheduler(
        RECONCILE_SCHEDULER_ID,
        { every: this.config.monitoring.reconcileIntervalMs },
        { name: 'reconcile-watches', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    }
    if (report.scheduled || report.removed || report.caughtUp) {
      this.logger.log(
        `Reconciled schedules: ${report.scheduled} added, ${report.removed} removed, ${report.caughtUp} caught up, ${report.requested} requested checks queued`,
      );
    }
    return report;
  }

  /** Watches owed a catch-up: more than one interval late when their scheduler was lost, 1.5 otherwise. */
  private async overdue(lostSchedulers: Set<string>): Promise<ScheduledWatch[]> {
    const { minuteMs } = this.config.monitoring;
    const owed = new Map(
      (await this.watches.overdue(minuteMs, LATE_FACTOR)).map((watch) => [watch.id, watch]),
    );
    if (lostSchedulers.size) {
      for (const watch of await this.watches.overdue(minuteMs, LATE_FACTOR_AFTER_LOSS)) {
        if (lostSchedulers.has(watch.id)) owed.set(watch.id, watch);
      }
    }
    return [...owed.values()];
  }

  /** The interval in the configured minute length, and where in it this watch's checks fall. */
  private timing(watch: ScheduledWatch): { every: number; offset: number } {
    const minuteMs = this.config.monitoring.minuteMs;
    const every = watch.intervalMinutes * minuteMs;
    return { every, offset: Math.floor((watch.scheduleOffsetMs * minuteMs) / 60_000) % every };
  }
}
