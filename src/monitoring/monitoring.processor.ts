import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { compareHtml } from '../../scrapers';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { HandlesJobs } from '../platform/queues/job-handlers';
import { JobPayloads, QueueName } from '../platform/queues/queue-catalogue';
import { redisOptionsFromUrl } from '../platform/redis/redis-connection';
import { CheckService } from './checks/check.service';
import { ScheduleService } from './schedule/schedule.service';

type MonitoringJob = Job<JobPayloads['check-watch'] | JobPayloads['reconcile-watches'], unknown, string>;

/**
 * The `monitoring` queue's one processor, switching on the job name. Built by hand rather than with
 * @Processor so its lock duration, stalled interval and concurrency come from the validated config.
 * On SIGTERM, `worker.close()` lets running checks finish before the process exits.
 */
@Injectable()
@HandlesJobs(QueueName.Monitoring, ['check-watch', 'reconcile-watches'])
export class MonitoringProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MonitoringProcessor.name);
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checks: CheckService,
    private readonly schedules: ScheduleService,
  ) {}

  onApplicationBootstrap(): void {
    // Compiling the lexicon takes most of a second; do it before taking jobs, not inside the first check,
    // where blocking the event loop could outlast a short lock and let the job be taken twice.
    compareHtml('<p>Xinjiang cotton</p>', '<p>No Xinjiang cotton</p>');
    const { lockDurationMs, stalledIntervalMs } = this.config.monitoring;
    this.worker = new Worker(QueueName.Monitoring, (job: MonitoringJob, token) => this.process(job, token), {
      connection: redisOptionsFromUrl(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      concurrency: this.config.workerConcurrency,
      lockDuration: lockDurationMs,
      stalledInterval: stalledIntervalMs,
    });
    this.worker.on('error', (error) => this.logger.warn(`Monitoring worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (job) this.logger.warn(`Check job ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: MonitoringJob, token: string | undefined): Promise<unknown> {
    switch (job.name) {
      case 'check-watch':
        return this.checks.run(job as Job<JobPayloads['check-watch']>, token);
      case 'reconcile-watches':
        return this.schedules.reconcile();
      default:
        throw new Error(`The monitoring queue has no handler for job "${job.name}"`);
    }
  }
}
