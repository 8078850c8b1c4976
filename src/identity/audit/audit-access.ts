import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Role } from '../auth/role.enum';

/**
 * Entity types whose records every signed-in role may read through the API (drafts included, as staff see
 * them), so their history may be read too. Users, webhooks, and other people's tokens and sessions are
 * admin-only records; an entry about one of those is an admin-only entry. A type not listed here is
 * admin-only until someone decides otherwise.
 */
export const AUDIT_TYPES_EVERY_STAFF_ROLE_READS: readonly string[] = [
  'brand',
  'company',
  'commitment',
  'exposure_finding',
  // Closures of findings (on main with issue 13's trust chain): claims like the others.
  'finding_closure',
  'disclosure',
  'evidence',
  'watch',
  'flag',
];

/** The caller's own records, which they may always read: their account, tokens and sessions. */
export const AUDIT_TYPES_OWNED_BY_THEIR_USER: readonly string[] = ['api_token', 'session'];

/** Null: the reader sees every entry (an admin). Otherwise the SQL condition, over `entry`, and its values. */
export function auditReadScope(
  reader: AuthenticatedUser,
): { where: string; params: Record<string, unknown> } | null {
  if (reader.role === Role.Admin) return null;
  return {
    where: `(entry.entityType IN (:...readableTypes)
      OR (entry.entityType = 'user' AND entry.entityId = :readerId)
      OR (entry.entityType IN (:...ownedTypes) AND entry.actorId = CAST(:readerId AS uuid)))`,
    params: {
      readableTypes: AUDIT_TYPES_EVERY_STAFF_ROLE_READS,
      ownedTypes: AUDIT_TYPES_OWNED_BY_THEIR_USER,
      readerId: reader.id,
    },
  };
}
