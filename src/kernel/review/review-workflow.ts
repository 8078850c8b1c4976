import { Role } from '../../identity/auth/role.enum';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { ReviewStatus } from './review-status';

export type ReviewDecision = 'verify' | 'reject';

/** The review columns as they stand; the transitions below return the columns to write. */
export interface ReviewState {
  status: ReviewStatus;
  createdById: string | null;
  submittedAt: Date | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

/**
 * draft -> submitted, and rejected -> submitted once fixed. Only the creator submits (an admin may too,
 * e.g. for records loaded by the system).
 */
export function submitTransition(state: ReviewState, actor: AuthenticatedUser, now: Date): ReviewState {
  if (state.createdById !== actor.id && actor.role !== Role.Admin) {
    throw new DomainError(
      DomainErrorCode.Forbidden,
      'Only the researcher who created this entry can submit it',
    );
  }
  if (state.status !== ReviewStatus.Draft && state.status !== ReviewStatus.Rejected) {
    throw new DomainError(DomainErrorCode.InvalidState, `Cannot submit an entry that is ${state.status}`);
  }
  return {
    ...state,
    status: ReviewStatus.Submitted,
    submittedAt: now,
    reviewedById: null,
    reviewedAt: null,
    reviewNote: null,
  };
}

/**
 * submitted -> verified | rejected. Four eyes: nobody reviews an entry they created, admins included.
 * A rejection must say why, so the researcher can fix it.
 */
export function reviewTransition(
  state: ReviewState,
  decision: ReviewDecision,
  note: string | undefined,
  actor: AuthenticatedUser,
  now: Date,
): ReviewState {
  if (state.createdById === actor.id) {
    throw new DomainError(
      DomainErrorCode.Forbidden,
      'You created this entry, so another reviewer must review it (four-eyes rule)',
    );
  }
  if (state.status !== ReviewStatus.Submitted) {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `Only submitted entries can be reviewed; this one is ${state.status}`,
    );
  }
  const trimmed = note?.trim() ? note.trim() : null;
  if (decision === 'reject' && !trimmed) {
    throw new DomainError(DomainErrorCode.InvalidInput, 'note: say why the entry is rejected', [
      { field: 'note', reasons: ['note is required when rejecting'] },
    ]);
  }
  return {
    ...state,
    status: decision === 'verify' ? ReviewStatus.Verified : ReviewStatus.Rejected,
    reviewedById: actor.id,
    reviewedAt: now,
    reviewNote: trimmed,
  };
}

/** An edit to a rejected entry sends it back to draft (to be fixed and resubmitted); others keep their status. */
export function afterEdit(state: ReviewState): ReviewState {
  if (state.status !== ReviewStatus.Rejected) return state;
  return {
    ...state,
    status: ReviewStatus.Draft,
    submittedAt: null,
    reviewedById: null,
    reviewedAt: null,
    reviewNote: null,
  };
}

export function pickReviewState(record: ReviewState): ReviewState {
  const { status, createdById, submittedAt, reviewedById, reviewedAt, reviewNote } = record;
  return { status, createdById, submittedAt, reviewedById, reviewedAt, reviewNote };
}
