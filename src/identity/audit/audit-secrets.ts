/**
 * Fields that are secrets wherever they appear: password data, token and signing material. Services should
 * never hand them to the log; the log removes them anyway, on the way in and on the way out.
 */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secret', 'secretHash', 'token', 'tokenHash']);

/**
 * Fields that are secrets only for one entity type: an incoming-webhook URL lets anyone post to the team's
 * channel, where an evidence or watch URL is public.
 */
const SECRET_FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  webhook: ['url'],
};

/**
 * The record without its secrets. Entries written before issue 15 may hold a webhook URL: the chain's hashes
 * forbid rewriting them, so the same function is applied again when entries are read.
 */
export function withoutSecrets(entityType: string, record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const ofType = SECRET_FIELDS_BY_TYPE[entityType] ?? [];
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => !SECRET_FIELDS.has(key) && !ofType.includes(key)),
  );
}
