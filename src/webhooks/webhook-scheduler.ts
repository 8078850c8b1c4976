import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ensureJob } from '../platform/queues/add-job';
import { QueueName, WEBHOOK_DELIVERY_JOB_OPTIONS } from '../platform/queues/queue-catalogue';
import { deliveryJobId } from './webhook-outbox';
import { WebhookDelivery } from './webhook-delivery.entity';

/** Enqueues `deliver-webhook` jobs for pending deliveries (after a flag's commit, and in the reconcile pass). */
@Injectable()
export class WebhookScheduler {
  private readonly logger = new Logger(WebhookScheduler.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
  ) {}

  /**
   * Best effort after the flag's transaction committed: a Redis failure is logged, not thrown, because the
   * pending rows are already safe in Postgres and the reconcile pass will enqueue them.
   */
  async enqueueForFlag(flagId: string): Promise<void> {
    try {
      await this.enqueuePending({ flagId });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Webhook deliveries of flag ${flagId} left to the reconcile pass: ${reason}`);
    }
  }

  /** Returns how many jobs were added (a delivery with a live job is left alone). */
  async enqueuePending(filter: { flagId?: string } = {}, limit = 1000): Promise<number> {
    const pending = await this.dataSource.getRepository(WebhookDelivery).find({
      select: { id: true, webhookId: true, flagId: true },
      where: { state: 'pending', ...filter },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    let added = 0;
    for (const delivery of pending) {
      const jobId = deliveryJobId(delivery.webhookId, delivery.flagId);
      const options = { ...WEBHOOK_DELIVERY_JOB_OPTIONS, jobId };
      const recordFailure = (reason: string) => this.failForGood(delivery.id, reason);
      if (await ensureJob(this.queue, 'deliver-webhook', { deliveryId: delivery.id }, options, recordFailure))
        added += 1;
    }
    return added;
  }

  /** A delivery whose job used every attempt without recording its outcome: failed, with the job's error. */
  private async failForGood(deliveryId: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(WebhookDelivery)
      .update({ id: deliveryId, state: 'pending' }, { state: 'failed', lastError: reason.slice(0, 2000) });
    this.logger.warn(`Webhook delivery ${deliveryId} failed after all its attempts: ${reason}`);
  }
}
