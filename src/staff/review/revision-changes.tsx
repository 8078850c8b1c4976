import { formatTime } from '../common/labels';
import type { RevisionItem } from './revision-display';

export const OWN_REVISION_REASON =
  'You proposed this change, so another reviewer must verify or reject it (four-eyes rule).';

/** The fields a revision changes: what the public sees now, and what it would see once verified. */
export function RevisionTable({ item }: { item: RevisionItem }) {
  return (
    <div class="table-wrap">
      <table class="revision-changes">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Verified (public now)</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          {item.changes.map((change) => (
            <tr data-field={change.field}>
              <th scope="row">{change.label}</th>
              <td>
                <del>{change.from}</del>
              </td>
              <td>
                <ins>{change.to}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposedBy({ item }: { item: RevisionItem }) {
  return (
    <p class="muted small">
      Proposed by {item.proposedBy}, {formatTime(item.proposedAt)}
    </p>
  );
}

/** On a research page: a change of this verified entry awaits review, and what it changes. */
export function PendingRevisionPanel({ item, viewerEmail }: { item: RevisionItem; viewerEmail?: string }) {
  return (
    <section class="notice pending-revision" aria-labelledby="pending-revision-title">
      <h2 id="pending-revision-title">A change awaits review</h2>
      <p>
        The public sees the verified values until a reviewer other than its author verifies the change
        {item.proposedBy === viewerEmail ? ' (you proposed it)' : ''}.{' '}
        <a href="/review#revisions">Review queue</a>
      </p>
      <RevisionTable item={item} />
      <ProposedBy item={item} />
    </section>
  );
}
