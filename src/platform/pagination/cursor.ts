import { DomainError, DomainErrorCode } from '../http/errors/domain-error';

/**
 * Keyset cursors: the sort-key values of the last row a page returned, as base64url JSON. Opaque to
 * clients; we only promise that passing `nextCursor` back returns the next page.
 */
export type CursorValues = Record<string, string>;

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything malformed or missing a key is a 400 naming `cursor`. */
export function decodeCursor<Key extends string>(raw: string, keys: readonly Key[]): Record<Key, string> {
  const parsed = tryParse(raw);
  if (!parsed) throw badCursor();
  const values = {} as Record<Key, string>;
  for (const key of keys) {
    const value = parsed[key];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw badCursor();
    values[key] = value;
  }
  return values;
}

/** True when the string could be a cursor of ours; the DTO uses it so a bad one fails with the other fields. */
export function looksLikeCursor(raw: string): boolean {
  return raw.length <= 1000 && /^[A-Za-z0-9_-]+$/.test(raw) && tryParse(raw) !== undefined;
}

function tryParse(raw: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The 400 for a cursor whose values are not what this list writes (e.g. a tampered timestamp). */
export function badCursor(): DomainError {
  return new DomainError(DomainErrorCode.InvalidInput, 'cursor is not a cursor this list returned', [
    { field: 'cursor', reasons: ['cursor is not a cursor this list returned'] },
  ]);
}

/** Timestamps and ids as the lists write them into cursors. */
export const CURSOR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const CURSOR_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
