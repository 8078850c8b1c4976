import { createHash } from 'node:crypto';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash of an entry covers: everything but its row id and the hashes themselves. */
export interface HashedAuditContent {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * JSON with object keys sorted at every level, so the same content always gives the same bytes. Needed because
 * Postgres jsonb does not keep key order: the verifier re-reads `before`/`after` in jsonb's order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 (hex) over the previous entry's hash and this entry's canonical content. */
export function auditEntryHash(prevHash: string, content: HashedAuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * The JSON value as it will come back from a jsonb column (Dates become ISO strings, undefined disappears),
 * so that what we hash at write time is exactly what the verifier will read.
 */
export function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
