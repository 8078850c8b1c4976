import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { parseFetchUrl } from '../../../../scrapers';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS_CLIENT } from '../../redis/redis.module';
import { ACQUIRE_HOST_SLOT, RELEASE_HOST_SLOT, RENEW_HOST_SLOT } from './host-slot-scripts';

/**
 * How long a slot outlives its holder's last sign of life. The holder renews it every RENEW_EVERY_MS while
 * it fetches, so a live fetch of any length keeps its slot, and the slot of a worker that died mid-fetch
 * frees itself within this time (it was 2 minutes, fixed, which left a dead worker's slot taken that long).
 */
export const HOST_SLOT_LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

export type SlotAnswer =
  { granted: true; release: () => Promise<void> } | { granted: false; retryInMs: number };

/**
 * Per-host politeness across all workers: at most N fetches of one host at a time and a minimum delay
 * between their starts. BullMQ's open-source edition has no group rate limits, so this lives in Redis.
 */
@Injectable()
export class HostPoliteness {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async acquire(url: string, holder: string): Promise<SlotAnswer> {
    const [leases, nextStart] = this.keys(url);
    const { hostConcurrency, hostMinDelayMs } = this.config.monitoring;
    const wait = Number(
      await this.redis.eval(
        ACQUIRE_HOST_SLOT,
        2,
        leases,
        nextStart,
        holder,
        hostConcurrency,
        hostMinDelayMs,
        HOST_SLOT_LEASE_MS,
      ),
    );
    if (wait > 0) return { granted: false, retryInMs: wait };
    const renewal = setInterval(() => {
      this.redis.eval(RENEW_HOST_SLOT, 1, leases, holder, HOST_SLOT_LEASE_MS).catch(() => undefined);
    }, RENEW_EVERY_MS);
    renewal.unref();
    return {
      granted: true,
      release: async () => {
        clearInterval(renewal);
        await this.redis.eval(RELEASE_HOST_SLOT, 1, leases, holder).catch(() => undefined);
      },
    };
  }

  private keys(url: string): [string, string] {
    // parseFetchUrl: a URL Node cannot parse is an `invalid_url` finding, not a TypeError that reads as a bug.
    const host = parseFetchUrl(url).host.toLowerCase();
    const base = `${this.config.queuePrefix}:politeness:${host}`;
    return [`${base}:leases`, `${base}:next`];
  }
}
