import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { REDIS_CLIENT } from '../../platform/redis/redis.module';
import { TooManyAttemptsError } from './too-many-attempts.error';

/** Failed sign-ins allowed per window before we answer 429. */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  /** Guessing one person's password. */
  perEmail: 5,
  /** One address trying many accounts (higher: an office or a campaign group may share an address). */
  perIp: 30,
} as const;

/**
 * Counts failed sign-ins in Redis, so the limit holds across every API replica. A fixed window per key
 * (`SET NX` starts it, `INCR` counts) is simple and enough against password guessing.
 * If Redis is away we let sign-in through and log it: argon2 still limits guessing to a few dozen tries a
 * second, and an outage should not lock out the admins who need to fix it.
 */
@Injectable()
export class SignInRateLimiter {
  private readonly logger = new Logger(SignInRateLimiter.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws TooManyAttemptsError when either the address or the email is over its limit. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const counts = await this.safely(async () => {
      const results = await this.redis
        .multi()
        .get(keys.ip)
        .pttl(keys.ip)
        .get(keys.email)
        .pttl(keys.email)
        .exec();
      return (results ?? []).map(([, value]) => value as string | number | null);
    });
    if (!counts) return;
    const [ipCount, ipTtl, emailCount, emailTtl] = counts;
    const blockedFor = Math.max(
      Number(ipCount ?? 0) >= SIGN_IN_LIMITS.perIp ? Number(ipTtl) : 0,
      Number(emailCount ?? 0) >= SIGN_IN_LIMITS.perEmail ? Number(emailTtl) : 0,
    );
    if (blockedFor > 0) throw new TooManyAttemptsError(Math.ceil(blockedFor / 1000));
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const windowMs = SIGN_IN_LIMITS.windowSeconds * 1000;
    await this.safely(() =>
      this.redis
        .multi()
        .set(keys.ip, 0, 'PX', windowMs, 'NX')
        .incr(keys.ip)
        .set(keys.email, 0, 'PX', windowMs, 'NX')
        .incr(keys.email)
        .exec(),
    );
  }

  /** A correct password clears the email's count (not the address's: that would let one account reset it). */
  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.safely(() => this.redis.del(this.keys(ip, email).email));
  }

  private keys(ip: string, email: string): { ip: string; email: string } {
    // Hashed: keeps email addresses (personal data) out of Redis key listings.
    const emailKey = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    const base = `${this.config.queuePrefix}:auth:sign-in-failures`;
    return { ip: `${base}:ip:${ip}`, email: `${base}:email:${emailKey}` };
  }

  private async safely<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      await this.whenReady();
      return await work();
    } catch (error: unknown) {
      this.logger.warn(`Sign-in rate limit skipped, Redis unavailable: ${String(error)}`);
      return undefined;
    }
  }

  /** The shared client refuses commands until connected; right after start-up, wait a moment for it. */
  private async whenReady(timeoutMs = 2000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        reject(new Error(`not ready after ${timeoutMs} ms (${this.redis.status})`));
      }, timeoutMs);
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.redis.once('ready', onReady);
    });
  }
}
