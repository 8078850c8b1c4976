import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { HandlesJobs } from '../platform/queues/job-handlers';
import { type JobName, type JobPayloads, QueueName } from '../platform/queues/queue-catalogue';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WebhooksReconciler } from './webhooks-reconciler';

type WebhooksJobName = Extract<JobName, 'deliver-webhook' | 'reconcile-webhooks'>;

/** The webhooks queue: signed deliveries of new major flags, and the pass that re-enqueues lost ones. */
@Processor(QueueName.Webhooks)
@HandlesJobs(QueueName.Webhooks, ['deliver-webhook', 'reconcile-webhooks'])
export class WebhooksProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: WebhookDeliveryRunner,
    private readonly reconciler: WebhooksReconciler,
  ) {
    super();
  }

  /** @Processor options are static; the worker exists by now, so take the configured concurrency. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job<JobPayloads[WebhooksJobName], unknown, WebhooksJobName>): Promise<unknown> {
    switch (job.name) {
      case 'deliver-webhook': {
        const { deliveryId } = job.data as JobPayloads['deliver-webhook'];
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.runner.deliver(deliveryId, lastAttempt);
      }
      case 'reconcile-webhooks':
        return this.reconciler.reconcile();
    }
  }
}
