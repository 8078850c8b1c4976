import type { ReviewStatus } from '../../kernel/review/review-status';

export function StatusBadge({ status }: { status: ReviewStatus | string }) {
  return <span class={`status status-${status}`}>{status}</span>;
}
