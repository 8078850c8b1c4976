import { Module } from '@nestjs/common';
import { WebhookScheduler } from './webhook-scheduler';

/**
 * For the monitor: import this, call `recordFlagForWebhooks(manager, notice)` in the flag's transaction and
 * `WebhookScheduler.enqueueForFlag(flagId)` after the commit.
 */
@Module({
  providers: [WebhookScheduler],
  exports: [WebhookScheduler],
})
export class WebhookOutboxModule {}
