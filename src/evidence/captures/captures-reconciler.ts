import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ensureJob } from '../../platform/queues/add-job';
import { CAPTURE_JOB_OPTIONS, QueueName } from '../../platform/queues/queue-catalogue';
import { EvidenceCapture } from './capture.entity';
import { captureJobId } from './capture-outbox';
import { CaptureRecorder } from './capture-recorder';

const RECONCILE_BATCH = 1000;
export const LINK_SWEEP_SCHEDULER_ID = 'sweep-links';

/**
 * Makes Redis match Postgres for captures: every pending capture has a job, and the link sweep has its
 * scheduler. Runs at worker start, on a timer inside the worker (a repeatable job alone would vanish with
 * a FLUSHALL) and as the `reconcile-captures` job.
 */
@Injectable()
export class CapturesReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CapturesReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Captures) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recorder: CaptureRecorder,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.archiving.reconcileIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Returns how many pending captures needed a job. */
  async reconcile(): Promise<number> {
    const pending = await this.dataSource
      .getRepository(EvidenceCapture)
      .createQueryBuilder('capture')
      .select('DISTINCT capture.evidenceId', 'evidenceId')
      .where(`capture.state = 'pending'`)
      .limit(RECONCILE_BATCH)
      .getRawMany<{ evidenceId: string }>();
    let added = 0;
    for (const { evidenceId } of pending) {
      const jobId = captureJobId(evidenceId);
      const options = { ...CAPTURE_JOB_OPTIONS, jobId };
      const recordFailure = (reason: string) => this.recorder.failPending(evidenceId, 'exhausted', reason);
      if (await ensureJob(this.queue, 'capture-evidence', { evidenceId }, options, recordFailure)) added += 1;
    }
    await this.queue.upsertJobScheduler(
      LINK_SWEEP_SCHEDULER_ID,
      { every: this.config.archiving.linkSweepIntervalMinutes * 60_000 },
      { name: 'sweep-links', data: {}, opts: { attempts: 1 } },
    );
    return added;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .then((added) => {
        if (added > 0) this.logger.log(`Enqueued ${added} pending capture(s) that had no job`);
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Captures reconcile failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
