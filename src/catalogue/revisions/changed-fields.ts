import { isDeepStrictEqual } from 'node:util';
import type { RevisionChanges } from './proposed-revision.entity';

/** The fields of `proposed` whose value differs from the record's current one (arrays compared by value). */
export function changedFields(current: object, proposed: RevisionChanges): RevisionChanges {
  const values = current as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(proposed).filter(([field, value]) => !isDeepStrictEqual(values[field], value)),
  );
}
