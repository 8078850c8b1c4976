import { DatePrecision } from '../../kernel/dates/known-date';
import type { FindingView } from '../../claims/findings/dto/finding.view';
import type { ClosureView } from '../../claims/findings/closures/dto/closure.view';
import { formatKnownDate } from '../../kernel/dates/format-known-date';
import { ReviewStatus } from '../../kernel/review/review-status';
import { CLOSURE_REASON_LABELS } from '../../scorecards/methodology/labels';
import { StatusBadge } from '../common/status-badge';
import { FindingResponse } from '../../claims/findings/finding-kind';
import { ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../common/fields';
import { field, optional, type FormBody } from '../common/form-body';
import { FINDING_KIND_LABELS, FINDING_RESPONSE_LABELS, optionsOf, PRECISION_LABELS } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';
import { History } from '../history/history';
import type { HistoryEntry } from '../history/history.service';
import type { CaptureSummary } from './capture-panel';
import { ClaimEvidence } from './claim-evidence';
import { ClaimPageFrame, subjectPath, type ClaimSubject } from './claim-page-frame';
import { EvidenceFields, prefixedLabels } from './evidence-form';

const LABELS: Record<string, string> = {
  kind: 'Kind of link',
  reportName: 'Report',
  publishedOn: 'Published on',
  publishedOnPrecision: 'How exactly the source dates it',
  finding: 'Finding',
  response: "The brand's response",
  endedOn: 'Ended on',
};

export function toCreateFinding(body: FormBody): Record<string, unknown> {
  return {
    kind: field(body, 'kind'),
    reportName: optional(field(body, 'reportName')),
    publishedOn: field(body, 'publishedOn'),
    publishedOnPrecision: field(body, 'publishedOnPrecision'),
    finding: field(body, 'finding'),
    response: optional(field(body, 'response')),
    endedOn: optional(field(body, 'endedOn')),
  };
}

export function FindingFormPage({
  ctx,
  form,
  subject,
}: {
  ctx: WebContext;
  form: FormState;
  subject: ClaimSubject;
}) {
  const withDefaults: FormState = {
    errors: form.errors,
    values: { publishedOnPrecision: DatePrecision.Day, response: FindingResponse.Unknown, ...form.values },
  };
  const title = `Add an exposure finding for ${subject.name}`;
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › <a href={subjectPath(subject)}>{subject.name}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={{ ...LABELS, ...prefixedLabels('evidence.') }} />
      <form method="post" action={`${subjectPath(subject)}/findings`} class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          form={withDefaults}
          name="kind"
          label={LABELS.kind}
          required
          blank="Choose a kind"
          options={optionsOf(FINDING_KIND_LABELS)}
        />
        <TextField
          form={withDefaults}
          name="reportName"
          label={LABELS.reportName}
          hint="e.g. Uyghurs for Sale (ASPI, 2020)"
        />
        <TextField form={withDefaults} name="publishedOn" label={LABELS.publishedOn} type="date" required />
        <SelectField
          form={withDefaults}
          name="publishedOnPrecision"
          label={LABELS.publishedOnPrecision}
          options={optionsOf(PRECISION_LABELS)}
        />
        <TextArea form={withDefaults} name="finding" label={LABELS.finding} required />
        <SelectField
          form={withDefaults}
          name="response"
          label={LABELS.response}
          options={optionsOf(FINDING_RESPONSE_LABELS)}
        />
        <TextField
          form={withDefaults}
          name="endedOn"
          label={LABELS.endedOn}
          type="date"
          hint="When the link ended, e.g. a facility sold"
        />
        <fieldset class="group">
          <legend>Its source</legend>
          <EvidenceFields form={withDefaults} prefix="evidence." optionalSource />
        </fieldset>
        <div class="actions">
          <button type="submit">Save as draft</button>
          <a href={subjectPath(subject)}>Cancel</a>
        </div>
      </form>
    </Page>
  );
}

export function FindingPage({
  ctx,
  finding,
  captures,
  history,
  attachForm,
  closures,
}: {
  ctx: WebContext;
  finding: FindingView;
  captures: Map<string, CaptureSummary>;
  history: HistoryEntry[];
  attachForm: FormState;
  closures: ClosureView[];
}) {
  return (
    <ClaimPageFrame
      ctx={ctx}
      claim={finding}
      noun="Finding"
      path="findings"
      label={FINDING_KIND_LABELS[finding.kind]}
      statement={finding.finding}
    >
      <dl class="facts">
        <dt>Report</dt>
        <dd>{finding.reportName ?? '—'}</dd>
        <dt>Published</dt>
        <dd>
          {formatKnownDate(finding.publishedOn, finding.publishedOnPrecision)}; counts from{' '}
          {finding.effectiveOn}
        </dd>
        <dt>Response</dt>
        <dd>{FINDING_RESPONSE_LABELS[finding.response]}</dd>
        <dt>Ended</dt>
        <dd>{finding.endedOn ?? '—'}</dd>
      </dl>
      <ClaimEvidence
        ctx={ctx}
        kind="finding"
        claimId={finding.id}
        evidence={finding.evidence}
        captures={captures}
        attachForm={attachForm}
      />
      <FindingEnd ctx={ctx} finding={finding} closures={closures} />
      <History entries={history} entityType="exposure_finding" entityId={finding.id} />
    </ClaimPageFrame>
  );
}

/**
 * How the finding ended, if it did: its closures with their review status, and, while none is under way,
 * the form to record one (a facility sold, a relationship ended, a claim withdrawn) with its source.
 */
function FindingEnd({
  ctx,
  finding,
  closures,
}: {
  ctx: WebContext;
  finding: FindingView;
  closures: ClosureView[];
}) {
  const open = closures.some((closure) => closure.status !== ReviewStatus.Rejected);
  return (
    <section aria-labelledby="finding-end">
      <h2 id="finding-end">End of the finding</h2>
      {closures.length > 0 && (
        <ul class="plain-list">
          {closures.map((closure) => (
            <li>
              Ended {closure.endedOn}: {CLOSURE_REASON_LABELS[closure.reason]}{' '}
              <StatusBadge status={closure.status} />
              <p>{closure.summary}</p>
            </li>
          ))}
        </ul>
      )}
      {!open && finding.status !== ReviewStatus.Rejected && (
        <form method="post" action={`/research/findings/${finding.id}/close`} class="stacked" novalidate>
          <CsrfField ctx={ctx} />
          <p class="muted">
            Record that the link ended (submitted for review with its source; the finding counts as ended from
            that day once another person verifies it).
          </p>
          <TextField form={EMPTY} id="close-ended" name="endedOn" label="Ended on" type="date" />
          <SelectField
            form={EMPTY}
            id="close-reason"
            name="reason"
            label="Why"
            options={optionsOf(CLOSURE_REASON_LABELS)}
          />
          <TextArea form={EMPTY} id="close-summary" name="summary" label="What happened" rows={2} />
          <TextField
            form={EMPTY}
            id="close-evidence"
            name="evidence"
            label="Source (evidence id or URL already logged)"
          />
          <div class="actions">
            <button type="submit">Record the end</button>
          </div>
        </form>
      )}
    </section>
  );
}

const EMPTY: FormState = { values: {}, errors: {} };
