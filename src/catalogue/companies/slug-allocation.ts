import type { EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { slugify } from './slug';

/**
 * Picks the slug of a new brand or company: the one asked for (409 when taken), or one made from the
 * name and de-duplicated with -2, -3... A concurrent insert of the same slug still meets the unique
 * constraint, which the error filter turns into a 409.
 */
export async function allocateSlug(
  manager: EntityManager,
  table: 'brands' | 'companies',
  name: string,
  requested: string | undefined,
  fallbackBase: string,
): Promise<string> {
  if (requested) {
    const taken = await manager.query<unknown[]>(`SELECT 1 FROM ${table} WHERE slug = $1`, [requested]);
    if (taken.length) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        `The slug "${requested}" is already used by another entry`,
        [{ field: 'slug', reasons: ['slug is already taken'] }],
      );
    }
    return requested;
  }
  const base = slugify(name) || fallbackBase;
  // Probe candidates in batches by equality (index lookups) rather than scanning for "base-%".
  for (let first = 1; ; first += SLUG_BATCH) {
    const candidates = Array.from({ length: SLUG_BATCH }, (_, i) =>
      first + i === 1 ? base : `${base}-${first + i}`,
    );
    const rows = await manager.query<Array<{ slug: string }>>(
      `SELECT slug FROM ${table} WHERE slug = ANY($1)`,
      [candidates],
    );
    const taken = new Set(rows.map((row) => row.slug));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

const SLUG_BATCH = 20;
