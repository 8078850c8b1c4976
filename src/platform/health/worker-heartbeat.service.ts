import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS_CLIENT } from '../redis/redis.module';
import { HEARTBEAT_INTERVAL_MS, heartbeatKey, workerIdentity } from './worker-heartbeat';

/** Runs in the worker: tells the API's health check that a worker process is alive. */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  private timer?: NodeJS.Timeout;
  private readonly identity = workerIdentity();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(heartbeatKey(this.config.queuePrefix), this.identity).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    try {
      await this.redis.hset(heartbeatKey(this.config.queuePrefix), this.identity, Date.now().toString());
    } catch (error: unknown) {
      // Redis being away is reported by /health; the next beat tries again.
      this.logger.debug(`Heartbeat not written: ${(error as Error).message}`);
    }
  }
}
