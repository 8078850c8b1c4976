import { ReviewStatus } from '../../kernel/review/review-status';
import { formatTime } from '../common/labels';
import { CsrfField, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';

export interface ReviewFacts {
  status: ReviewStatus;
  reviewNote: string | null;
  reviewedAt?: Date | string | null;
}

/**
 * Where an entry stands in review, the reviewer's note when it was sent back, and the submit button when
 * it can be submitted (the service still decides who may).
 */
export function ReviewPanel({
  ctx,
  facts,
  submitAction,
  submitLabel = 'Submit for review',
}: {
  ctx: WebContext;
  facts: ReviewFacts;
  submitAction: string;
  submitLabel?: string;
}) {
  const canSubmit = facts.status === ReviewStatus.Draft || facts.status === ReviewStatus.Rejected;
  return (
    <div class="review-panel">
      <p>
        Review status: <StatusBadge status={facts.status} />
        {facts.reviewedAt ? <span class="muted"> since {formatTime(facts.reviewedAt)}</span> : null}
      </p>
      {facts.status === ReviewStatus.Rejected && facts.reviewNote && (
        <p class="notice error">
          <strong>Sent back by the reviewer:</strong> {facts.reviewNote}
        </p>
      )}
      {facts.status === ReviewStatus.Verified && facts.reviewNote && (
        <p class="muted">Reviewer's note: {facts.reviewNote}</p>
      )}
      {canSubmit && ctx.viewer?.role !== 'reviewer' && (
        <form method="post" action={submitAction} class="inline">
          <CsrfField ctx={ctx} />
          <button type="submit">{submitLabel}</button>
        </form>
      )}
    </div>
  );
}
