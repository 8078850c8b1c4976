import type { ComponentChildren } from 'preact';
import { TextArea, type FormState } from '../common/fields';
import { FORM_LEVEL } from '../common/form-errors';
import { formatTime } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';
import type { QueueItem } from './review-queue.service';
import { OWN_REVISION_REASON, ProposedBy, RevisionTable } from './revision-changes';
import type { RevisionItem } from './revision-display';

/** A review form that came back with a problem, shown again on its own entry. */
export interface FailedReview {
  kind: string;
  id: string;
  form: FormState;
}

export const FOUR_EYES_REASON =
  'You created this entry, so another reviewer must verify or reject it (four-eyes rule).';

export function ReviewTabs({ current, openFlags }: { current: 'entries' | 'flags'; openFlags?: number }) {
  return (
    <nav aria-label="Review queues" class="tabs">
      <a href="/review" aria-current={current === 'entries' ? 'page' : undefined}>
        Submitted entries
      </a>
      <a href="/review/flags" aria-current={current === 'flags' ? 'page' : undefined}>
        Change flags{openFlags !== undefined ? ` (${openFlags} open)` : ''}
      </a>
    </nav>
  );
}

/** The failed form of a revision is keyed like this, so it comes back on its own entry. */
export const revisionFormKind = (kind: RevisionItem['kind']) => `${kind}-revision`;

export function ReviewQueuePage({
  ctx,
  items,
  revisions,
  viewerId,
  failed,
}: {
  ctx: WebContext;
  items: QueueItem[];
  revisions: RevisionItem[];
  viewerId: string;
  failed?: FailedReview;
}) {
  return (
    <Page ctx={ctx} title="Review" scripts={['/assets/triage.js']}>
      <h1>Review</h1>
      <ReviewTabs current="entries" />
      <p class="lead">
        {items.length === 0
          ? 'Nothing is waiting for review.'
          : `${items.length} submitted ${items.length === 1 ? 'entry waits' : 'entries wait'}, oldest first.`}
      </p>
      <KeyboardHelp />
      <ol class="queue" data-triage>
        {items.map((item) => (
          <QueueEntry item={item} ctx={ctx} own={item.createdById === viewerId} failed={failed} />
        ))}
      </ol>
      <section id="revisions" aria-labelledby="revisions-title">
        <h2 id="revisions-title">Changes to verified entries</h2>
        <p class="lead">
          {revisions.length === 0
            ? 'No change to a verified entry is waiting.'
            : `${revisions.length} ${revisions.length === 1 ? 'change waits' : 'changes wait'}, oldest first. The public sees the verified values until a change is verified.`}
        </p>
        <ol class="queue">
          {revisions.map((revision) => (
            <RevisionEntry
              ctx={ctx}
              item={revision}
              own={revision.proposedById === viewerId}
              failed={failed}
            />
          ))}
        </ol>
      </section>
    </Page>
  );
}

function QueueEntry({
  ctx,
  item,
  own,
  failed,
}: {
  ctx: WebContext;
  item: QueueItem;
  own: boolean;
  failed?: FailedReview;
}) {
  const key = `${item.kind}-${item.id}`;
  const form: FormState =
    failed && failed.kind === item.kind && failed.id === item.id ? failed.form : { values: {}, errors: {} };
  return (
    <li class="queue-item" id={key} tabIndex={-1} data-triage-item>
      <p class="kind">{item.kind}</p>
      <h2>
        <a href={item.href}>{item.title}</a>
      </h2>
      {item.detail && <p class="detail">{item.detail}</p>}
      <p class="muted small">
        By {item.createdBy}, submitted {formatTime(item.submittedAt)}
      </p>
      {own ? (
        <p class="notice">{FOUR_EYES_REASON}</p>
      ) : (
        <DecisionForm
          ctx={ctx}
          action={`/review/${item.kind}/${item.id}`}
          idPrefix={key}
          form={form}
          noteHint="Required to reject: say what to fix."
          triage
        >
          {isClaim(item.kind) && (
            <p class="checkbox">
              <input type="checkbox" name="withSources" id={`${key}-sources`} value="on" checked />
              <label for={`${key}-sources`}>
                Verify its submitted sources with it (I have read their captures on its page)
              </label>
            </p>
          )}
        </DecisionForm>
      )}
    </li>
  );
}

function RevisionEntry({
  ctx,
  item,
  own,
  failed,
}: {
  ctx: WebContext;
  item: RevisionItem;
  own: boolean;
  failed?: FailedReview;
}) {
  const key = `${revisionFormKind(item.kind)}-${item.slug}`;
  const form: FormState =
    failed && failed.kind === revisionFormKind(item.kind) && failed.id === item.slug
      ? failed.form
      : { values: {}, errors: {} };
  return (
    <li class="queue-item" id={key} data-revision={`${item.kind}/${item.slug}`}>
      <p class="kind">{item.kind} change</p>
      <h3>
        <a href={item.href}>{item.name}</a>
      </h3>
      <RevisionTable item={item} />
      <ProposedBy item={item} />
      {own ? (
        <p class="notice">{OWN_REVISION_REASON}</p>
      ) : (
        <DecisionForm
          ctx={ctx}
          action={`/review/revisions/${item.kind}/${encodeURIComponent(item.slug)}`}
          idPrefix={key}
          form={form}
          noteHint="Required to reject: say why the change is wrong."
          decisionSuffix=" change"
        />
      )}
    </li>
  );
}

/**
 * The verify/reject form every queue entry shares: CSRF, the form's error, a note (required to reject), what
 * the entry adds (`children`), and the two decisions. `triage` marks the buttons for the keyboard shortcuts.
 */
function DecisionForm({
  ctx,
  action,
  idPrefix,
  form,
  noteHint,
  triage = false,
  decisionSuffix = '',
  children,
}: {
  ctx: WebContext;
  action: string;
  idPrefix: string;
  form: FormState;
  noteHint: string;
  triage?: boolean;
  decisionSuffix?: string;
  children?: ComponentChildren;
}) {
  const formError = form.errors[FORM_LEVEL];
  return (
    <form method="post" action={action} class="review-form" novalidate>
      <CsrfField ctx={ctx} />
      {formError && (
        <p class="notice error" role="alert">
          {formError.join('; ')}
        </p>
      )}
      <TextArea
        form={{ values: form.values, errors: form.errors }}
        name="note"
        id={`${idPrefix}-note`}
        label="Note"
        rows={2}
        hint={noteHint}
      />
      {children}
      <div class="actions">
        <button type="submit" name="decision" value="verify" data-triage-confirm={triage || undefined}>
          Verify{decisionSuffix}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          class="button danger"
          data-triage-dismiss={triage || undefined}
        >
          Reject{decisionSuffix}
        </button>
      </div>
    </form>
  );
}

/** Claims are verified only with a verified source (the publication rule), so their form offers both at once. */
function isClaim(kind: QueueItem['kind']): boolean {
  return kind === 'commitment' || kind === 'finding';
}

export function KeyboardHelp() {
  return (
    <details class="keyboard-help" id="keyboard-help">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt>
          <kbd>j</kbd> / <kbd>k</kbd>
        </dt>
        <dd>Next / previous item</dd>
        <dt>
          <kbd>c</kbd>
        </dt>
        <dd>Confirm (verify) the current item</dd>
        <dt>
          <kbd>d</kbd>
        </dt>
        <dd>Dismiss (reject): moves to the reason field</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>Show or hide this help</dd>
      </dl>
    </details>
  );
}
