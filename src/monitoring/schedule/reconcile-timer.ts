import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { REDIS_CLIENT } from '../../platform/redis/redis.module';
import { ScheduleService } from './schedule.service';

/**
 * Reconciles at worker start and then on a timer inside the process. The reconcile job alone would not
 * do: a FLUSHALL deletes its scheduler too. A short Redis lock keeps many workers from reconciling at once.
 */
@Injectable()
export class ReconcileTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileTimer.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly schedules: ScheduleService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick(true);
    this.timer = setInterval(() => void this.tick(false), this.config.monitoring.reconcileIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(atStart: boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const lockMs = Math.max(500, Math.floor(this.config.monitoring.reconcileIntervalMs * 0.8));
      const key = `${this.config.queuePrefix}:monitoring:reconcile-lock`;
      if (!atStart && (await this.redis.set(key, '1', 'PX', lockMs, 'NX')) !== 'OK') return;
      await this.schedules.reconcile();
    } catch (error) {
      // Redis or Postgres is away; the next tick tries again.
      this.logger.warn(`Reconcile failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
