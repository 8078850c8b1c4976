import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS_CLIENT } from '../redis/redis.module';
import { heartbeatKey } from './worker-heartbeat';

const CHECK_TIMEOUT_MS = 1500;
/** Heartbeats this old belong to workers that are gone for good; drop them from the hash. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;

@Injectable()
export class RedisAndWorkerIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async redisIsUp(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch (error: unknown) {
      return indicator.down({ message: `Redis is unreachable: ${(error as Error).message}` });
    }
  }

  async workerIsAlive(key = 'worker'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    const staleAfterMs = this.config.workerHeartbeatStaleSeconds * 1000;
    let beats: Record<string, string>;
    try {
      beats = await withTimeout(this.redis.hgetall(heartbeatKey(this.config.queuePrefix)), CHECK_TIMEOUT_MS);
    } catch {
      return indicator.down({ message: 'Worker heartbeats cannot be read while Redis is unreachable' });
    }
    const now = Date.now();
    const ages = Object.entries(beats).map(([worker, at]) => ({ worker, ageMs: now - Number(at) }));
    const forgotten = ages.filter((beat) => beat.ageMs > FORGET_AFTER_MS).map((beat) => beat.worker);
    if (forgotten.length) await this.redis.hdel(heartbeatKey(this.config.queuePrefix), ...forgotten);
    const alive = ages.filter((beat) => beat.ageMs <= staleAfterMs);
    if (alive.length === 0) {
      const newest = Math.min(...ages.map((beat) => beat.ageMs));
      const message = Number.isFinite(newest)
        ? `No worker heartbeat for ${Math.round(newest / 1000)} s`
        : 'No worker has ever reported a heartbeat';
      return indicator.down({ message });
    }
    return indicator.up({
      workers: alive.length,
      lastHeartbeatAgeSeconds: Math.min(...alive.map((b) => b.ageMs)) / 1000,
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
