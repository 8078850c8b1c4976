import { Module } from '@nestjs/common';
import { WebhookSender } from './webhook-sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** API side of webhooks: admin management. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookSender],
})
export class WebhooksModule {}
