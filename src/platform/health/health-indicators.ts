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
  /**
   * The newest heartbeat this process has read, so /health can say what it knows when Redis has lost its
   * data: the heartbeats are gone, not the workers, which beat again within HEARTBEAT_INTERVAL_MS.
   */
  private newestBeatSeenAt?: number;

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
    const newestInRedis = Math.min(...ages.map((beat) => beat.ageMs));
    if (Number.isFinite(newestInRedis)) {
      this.newestBeatSeenAt = Math.max(this.newestBeatSeenAt ?? 0, now - newestInRedis);
    }
    if (alive.length === 0 && ages.length === 0 && this.newestBeatSeenAt !== undefined) {
      const seenAgoMs = now - this.newestBeatSeenAt;
      const note =
        `Redis holds no worker heartbeat (its data was lost or flushed); ` +
        `the newest this API saw was ${Math.round(seenAgoMs / 1000)} s ago`;
      if (seenAgoMs <= staleAfterMs) {
        return indicator.up({ workers: 'unknown', lastHeartbeatAgeSeconds: seenAgoMs / 1000, note });
      }
      return indicator.down({
        message: `No worker heartbeat for ${Math.round(seenAgoMs / 1000)} s. ${note}`,
      });
    }
    if (alive.length === 0) {
      const message = Number.isFinite(newestInRedis)
        ? `No worker heartbeat for ${Math.round(newestInRedis / 1000)} s`
        : 'No worker has reported a heartbeat since this API started';
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
