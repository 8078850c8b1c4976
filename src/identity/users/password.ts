import * as argon2 from 'argon2';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane; OWASP Password Storage Cheat
 * Sheet): slow enough for an offline attacker, cheap enough that several API replicas can sign people in.
 * Parameters live in each hash, so raising them later only affects new hashes.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for sign-ins with an unknown email: otherwise the response time
 * would tell an attacker which emails have accounts.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches no account');
  await verifyPassword(await decoyHash, password);
}

const COMMON_PASSWORDS = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'iloveyou1234',
  'letmein12345',
  'administrator',
  'pledgewatch1',
  'pledgewatch123',
  'changeme1234',
]);

/** Why a password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: string, email: string): string | undefined {
  if (password.trim().length === 0) return 'password must not be empty';
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  }
  if (new Set(password).size < 5) return 'password must use at least 5 different characters';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password is too common';
  if (lower.includes(email.toLowerCase()) || lower === email.split('@')[0]?.toLowerCase()) {
    return 'password must not contain the email address';
  }
  return undefined;
}

export function assertStrongPassword(password: string, email: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) {
    throw new DomainError(DomainErrorCode.InvalidInput, weakness, [
      { field: 'password', reasons: [weakness] },
    ]);
  }
}
