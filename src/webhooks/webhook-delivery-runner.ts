import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import type { FlagNotice } from './flag-notice';
import type { WatchBlockedNotice } from './watch-blocked-notice';
import { watchBlockedBody, webhookBody } from './webhook-payload';
import { WebhookSender } from './webhook-sender';
import { DELIVERY_HEADER, signWebhookBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

/** The body for the delivery's event, built from the notice stored with it. */
function bodyOf(delivery: WebhookDelivery, sentAt: Date) {
  switch (delivery.event) {
    case 'watch.blocked':
      return watchBlockedBody(delivery.notice as WatchBlockedNotice, delivery.id, sentAt);
    case 'flag.raised':
      return webhookBody(delivery.notice as FlagNotice, delivery.id, sentAt);
  }
}

/** Thrown so BullMQ retries the delivery with backoff. */
export class RetryDelivery extends Error {
  override name = 'RetryDelivery';
}

/**
 * Makes one delivery attempt and records its outcome on the delivery row: delivered, refused for good
 * (recorded as failed), or worth retrying (thrown, unless it was the last attempt).
 */
@Injectable()
export class WebhookDeliveryRunner {
  private readonly logger = new Logger(WebhookDeliveryRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: WebhookSender,
  ) {}

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<void> {
    const deliveries = this.dataSource.getRepository(WebhookDelivery);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    if (!delivery || delivery.state !== 'pending') return;
    const webhook = await this.dataSource.getRepository(Webhook).findOneBy({ id: delivery.webhookId });
    if (!webhook) return;

    const sentAt = new Date();
    const body = JSON.stringify(bodyOf(delivery, sentAt));
    const outcome = await this.sender.send(webhook.url, body, {
      [SIGNATURE_HEADER]: signWebhookBody(webhook.secret, body),
      [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)),
      [DELIVERY_HEADER]: delivery.id,
    });
    const attempts = delivery.attempts + 1;
    const status = 'status' in outcome ? (outcome.status ?? null) : null;
    if (outcome.kind === 'delivered') {
      await deliveries.update(
        { id: delivery.id },
        { state: 'delivered', attempts, lastStatus: status, lastError: null, deliveredAt: new Date() },
      );
      return;
    }
    const failed = outcome.kind === 'refused' || lastAttempt;
    await deliveries.update(
      { id: delivery.id },
      { state: failed ? 'failed' : 'pending', attempts, lastStatus: status, lastError: outcome.reason },
    );
    if (failed) {
      this.logger.warn(`Webhook ${webhook.name}: delivery ${delivery.id} failed: ${outcome.reason}`);
      return;
    }
    throw new RetryDelivery(outcome.reason);
  }
}
