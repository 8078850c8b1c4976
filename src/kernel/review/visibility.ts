import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Role } from '../../identity/auth/role.enum';
import { ReviewStatus } from './review-status';

/** Who is reading: a signed-in user, or nobody (an anonymous visitor). */
export type Viewer = AuthenticatedUser | undefined;

/**
 * The statuses a reader may see, narrowed by the `status` filter they asked for. Anonymous readers only
 * ever see verified records: asking for drafts anonymously yields an empty list, never an error that
 * would confirm drafts exist.
 */
export function visibleStatuses(viewer: Viewer, requested?: ReviewStatus): ReviewStatus[] {
  const allowed = viewer ? Object.values(ReviewStatus) : [ReviewStatus.Verified];
  return requested ? allowed.filter((status) => status === requested) : allowed;
}

export function canSee(viewer: Viewer, status: ReviewStatus): boolean {
  return viewer !== undefined || status === ReviewStatus.Verified;
}

/**
 * A reader who sees every status, for services answering the system itself (seeds, import) rather than
 * a person. Only ever used to decide visibility, never as the author of a write.
 */
export const SYSTEM_READER: Viewer = { id: 'system', email: 'system', role: Role.Admin };
