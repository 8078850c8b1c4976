/** One changed field of an audited record, as short text a person can scan. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const MAX_VALUE_LENGTH = 120;

/** Fields every record carries that say nothing a reader of the history needs. */
const NOISE = new Set(['updatedAt', 'createdAt', 'hash', 'prevHash']);

/**
 * The fields that differ between the audit entry's before and after, shallowly: a created record lists
 * its values, a deleted one what it had. Values are shown as compact JSON, cut to a readable length.
 */
export function summariseChange(before: unknown, after: unknown): FieldChange[] {
  const left = asRecord(before);
  const right = asRecord(after);
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((f) => !NOISE.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = show(left[field]);
    const now = show(right[field]);
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  return changes;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value) && value.length === 0) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
