import { Module } from '@nestjs/common';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WebhookOutboxModule } from './webhook-outbox.module';
import { WebhookSender } from './webhook-sender';
import { WebhooksProcessor } from './webhooks.processor';
import { WebhooksReconciler } from './webhooks-reconciler';

/** Worker side of webhooks: deliveries and their reconcile pass. */
@Module({
  imports: [WebhookOutboxModule],
  providers: [WebhooksProcessor, WebhookDeliveryRunner, WebhookSender, WebhooksReconciler],
})
export class WebhooksWorkerModule {}
