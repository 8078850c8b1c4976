import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS_CLIENT } from '../../redis/redis.module';
import { ACQUIRE_HOST_SLOT, RELEASE_HOST_SLOT } from './host-slot-scripts';

/** Longer than any fetch (HTTP 60 s, browser 60 s) so a live fetch never loses its slot. */
const LEASE_MS = 2 * 60_000;

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
        LEASE_MS,
      ),
    );
    if (wait > 0) return { granted: false, retryInMs: wait };
    return {
      granted: true,
      release: async () => {
        await this.redis.eval(RELEASE_HOST_SLOT, 1, leases, holder).catch(() => undefined);
      },
    };
  }

  private keys(url: string): [string, string] {
    const host = new URL(url).host.toLowerCase();
    const base = `${this.config.queuePrefix}:politeness:${host}`;
    return [`${base}:leases`, `${base}:next`];
  }
}
