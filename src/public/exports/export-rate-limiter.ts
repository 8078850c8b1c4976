import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { REDIS_CLIENT } from '../../platform/redis/redis.module';

/** Full exports per address per window: plenty for a campaign team, not for hammering the database. */
export const EXPORT_LIMITS = { windowSeconds: 10 * 60, perIp: 30 } as const;

export class TooManyExportsError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many exports from your address; try again in ${retryAfterSeconds} seconds`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * A fixed window per IP in Redis (shared by every API replica), like the sign-in limiter. If Redis is away
 * the export goes ahead: exports are public data, and the window is a courtesy to the database, not security.
 */
@Injectable()
export class ExportRateLimiter {
  private readonly logger = new Logger(ExportRateLimiter.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts this export; throws TooManyExportsError when the address is over its limit. */
  async take(ip: string): Promise<void> {
    const key = exportLimitKey(this.config.queuePrefix, ip);
    let results: Array<[Error | null, unknown]> | null;
    try {
      results = await this.redis
        .multi()
        .set(key, 0, 'EX', EXPORT_LIMITS.windowSeconds, 'NX')
        .incr(key)
        .ttl(key)
        .exec();
    } catch (error: unknown) {
      this.logger.warn(`Export rate limit skipped, Redis unavailable: ${String(error)}`);
      return;
    }
    const count = Number(results?.[1]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? EXPORT_LIMITS.windowSeconds);
    if (count > EXPORT_LIMITS.perIp) throw new TooManyExportsError(Math.max(1, ttl));
  }
}

export function exportLimitKey(prefix: string, ip: string): string {
  return `${prefix}:exports:ip:${ip}`;
}
