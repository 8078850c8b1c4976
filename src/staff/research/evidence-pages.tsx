import type { EvidenceView } from '../../evidence/sources/dto/evidence.view';
import { ErrorSummary, type FormState } from '../common/fields';
import { EVIDENCE_KIND_LABELS } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';
import { History } from '../history/history';
import type { HistoryEntry } from '../history/history.service';
import { CapturePanel, type CaptureSummary } from './capture-panel';
import { EVIDENCE_FIELD_LABELS, EvidenceFields } from './evidence-form';
import { ReviewPanel } from './review-panel';

/** The claim a new piece of evidence will support, when it is logged from a claim's page. */
export interface EvidenceTarget {
  kind: 'commitment' | 'finding';
  id: string;
}

export function EvidenceFormPage({
  ctx,
  form,
  target,
}: {
  ctx: WebContext;
  form: FormState;
  target?: EvidenceTarget;
}) {
  const back = target ? `/research/${target.kind}s/${target.id}` : '/research';
  return (
    <Page ctx={ctx} title="Log evidence">
      <p class="breadcrumbs">
        <a href="/research">Research</a>
        {target && (
          <>
            {' › '}
            <a href={back}>The {target.kind}</a>
          </>
        )}
      </p>
      <h1>Log evidence</h1>
      <p>
        A source backing a claim. Its page is archived when you save: final URL, HTTP status, HTML, text and a
        screenshot, each with its SHA-256.
        {target && ` It will be attached to the ${target.kind}.`}
      </p>
      <ErrorSummary form={form} labels={EVIDENCE_FIELD_LABELS} />
      <form method="post" action="/research/evidence" class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        {target && <input type="hidden" name={`${target.kind}Id`} value={target.id} />}
        <EvidenceFields form={form} />
        <div class="actions">
          <button type="submit">Save as draft</button>
          <a href={back}>Cancel</a>
        </div>
      </form>
    </Page>
  );
}

export function EvidencePage({
  ctx,
  evidence,
  capture,
  history,
}: {
  ctx: WebContext;
  evidence: EvidenceView;
  capture: CaptureSummary;
  history: HistoryEntry[];
}) {
  const title = evidence.title ?? evidence.url ?? 'Evidence';
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › Evidence
      </p>
      <h1 class="break">
        {title} <StatusBadge status={evidence.status} />
      </h1>
      <ReviewPanel ctx={ctx} facts={evidence} submitAction={`/research/evidence/${evidence.id}/submit`} />
      <div class="side-by-side">
        <dl class="facts">
          <dt>Source</dt>
          <dd class="url">
            {evidence.url ? (
              <a href={evidence.url} rel="noreferrer noopener">
                {evidence.url}
              </a>
            ) : (
              evidence.documentRef
            )}
          </dd>
          <dt>Kind</dt>
          <dd>{EVIDENCE_KIND_LABELS[evidence.kind]}</dd>
          <dt>Publisher</dt>
          <dd>{evidence.publisher ?? '—'}</dd>
          <dt>Published</dt>
          <dd>{evidence.publishedOn ?? '—'}</dd>
          <dt>Accessed</dt>
          <dd>{evidence.accessedOn ?? '—'}</dd>
          <dt>Id</dt>
          <dd>
            <code>{evidence.id}</code>
          </dd>
        </dl>
        <section aria-labelledby="capture-title">
          <h2 id="capture-title">Archived capture</h2>
          <CapturePanel evidence={evidence} summary={capture} />
        </section>
      </div>
      <History entries={history} entityType="evidence" entityId={evidence.id} />
    </Page>
  );
}
