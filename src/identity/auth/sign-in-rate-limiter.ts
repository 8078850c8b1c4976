import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { REDIS_CLIENT } from '../../platform/redis/redis.module';
import { TooManyAttemptsError } from './too-many-attempts.error';

/**
 * Failed sign-ins, counted per window. The trade-off (docs/security.md, "Failed sign-ins"): one address
 * guessing one account is refused; an account guessed from many addresses slows down but is never locked, so
 * an attacker cannot lock its owner out; an address is refused only at a rate no office reaches by mistyping.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  /** One address guessing one account: that address is refused for that account until the window ends. */
  perEmailAndIp: 5,
  /** An account's failures from anywhere before each further try must wait (see `accountDelayMs`). */
  perEmailBeforeDelay: 5,
  /** The longest an account's owner may be asked to wait between two tries. */
  maxEmailDelaySeconds: 60,
  /** One address trying many accounts: far above 50 colleagues behind one NAT each mistyping twice. */
  perIp: 100,
} as const;

/**
 * How long after its latest failure an account takes its next try: nothing for the first failures, then
 * 1 s, 2 s, 4 s... up to a minute. Guessing from a thousand addresses gains nothing over guessing from one,
 * and the owner, who knows the password, waits a minute at most.
 */
export function accountDelayMs(failures: number): number {
  const beyond = failures - SIGN_IN_LIMITS.perEmailBeforeDelay;
  if (beyond < 0) return 0;
  return Math.min(1000 * 2 ** beyond, SIGN_IN_LIMITS.maxEmailDelaySeconds * 1000);
}

/**
 * Counts failed sign-ins in Redis, so the limits hold across every API replica: per address and account,
 * per account (with the time of its latest failure, for the delay) and per address. A fixed window per key
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

  /** Throws TooManyAttemptsError when this address may not try this account (or any account) yet. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const values = await this.safely(async () => {
      const results = await this.redis
        .multi()
        .get(keys.pair)
        .pttl(keys.pair)
        .get(keys.ip)
        .pttl(keys.ip)
        .get(keys.email)
        .get(keys.emailLastFailure)
        .exec();
      return (results ?? []).map(([, value]) => Number(value ?? 0));
    });
    if (!values) return;
    const [pairCount, pairTtl, ipCount, ipTtl, emailCount, lastFailureAt] = values;
    const blockedForMs = Math.max(
      pairCount >= SIGN_IN_LIMITS.perEmailAndIp ? pairTtl : 0,
      ipCount >= SIGN_IN_LIMITS.perIp ? ipTtl : 0,
      lastFailureAt + accountDelayMs(emailCount) - Date.now(),
    );
    if (blockedForMs > 0) throw new TooManyAttemptsError(Math.ceil(blockedForMs / 1000));
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const windowMs = SIGN_IN_LIMITS.windowSeconds * 1000;
    await this.safely(() =>
      this.redis
        .multi()
        .set(keys.pair, 0, 'PX', windowMs, 'NX')
        .incr(keys.pair)
        .set(keys.ip, 0, 'PX', windowMs, 'NX')
        .incr(keys.ip)
        .set(keys.email, 0, 'PX', windowMs, 'NX')
        .incr(keys.email)
        .set(keys.emailLastFailure, Date.now(), 'PX', windowMs)
        .exec(),
    );
  }

  /**
   * A correct password clears the account's counts (not the address's: that would let one account reset it
   * for an address trying many).
   */
  async recordSuccess(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    await this.safely(() => this.redis.del(keys.pair, keys.email, keys.emailLastFailure));
  }

  private keys(ip: string, email: string) {
    // Hashed: keeps email addresses (personal data) out of Redis key listings.
    const emailKey = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    const base = `${this.config.queuePrefix}:auth:sign-in-failures`;
    return {
      pair: `${base}:pair:${emailKey}:${ip}`,
      ip: `${base}:ip:${ip}`,
      email: `${base}:email:${emailKey}`,
      emailLastFailure: `${base}:email-last:${emailKey}`,
    };
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
