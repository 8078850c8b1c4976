/** One write to record, passed to AuditService.record inside the write's own transaction. */
export interface AuditEntryInput {
  /** The signed-in user who made the change; null for the system (monitor, migrations, CLI without a user). */
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. 'brand.create', 'commitment.review.verify', 'user.role.change'. */
  action: string;
  entityType: string;
  entityId: string;
  /** The record before the change (null for a creation). Never include secrets or password hashes. */
  before: unknown;
  /** The record after the change (null for a deletion). */
  after: unknown;
}
