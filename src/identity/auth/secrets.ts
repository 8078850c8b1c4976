import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of API tokens: lets secret scanners (and people) recognise a leaked Pledgewatch token. */
export const API_TOKEN_PREFIX = 'pw_';

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Fingerprint of a session or token secret, the only form we store. A plain SHA-256 is right here, unlike for
 * passwords: the secrets carry 256 random bits, so nobody can guess them from the hash, and a fast hash keeps
 * the per-request lookup cheap (an indexed equality match on the digest). Slow, salted hashes only pay off
 * for low-entropy secrets that people choose.
 */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** HMAC-SHA256 of `message` under `key`, base64url. */
export function hmac(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64url');
}

export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
