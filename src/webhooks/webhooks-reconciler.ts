import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { WebhookScheduler } from './webhook-scheduler';

/**
 * Pending deliveries whose job Redis lost are enqueued again: at worker start, on a timer in the worker,
 * and as the `reconcile-webhooks` job. Same jobIds, so a delivery is never queued twice.
 */
@Injectable()
export class WebhooksReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhooksReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly scheduler: WebhookScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  reconcile(): Promise<number> {
    return this.scheduler.enqueuePending();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .then((added) => {
        if (added > 0) this.logger.log(`Enqueued ${added} pending webhook deliveries that had no job`);
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Webhooks reconcile failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
