import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import { DatePrecision } from '../../kernel/dates/known-date';
import { formatKnownDate } from '../../kernel/dates/format-known-date';
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../common/fields';
import { COMMITMENT_TYPE_LABELS, optionsOf, PRECISION_LABELS, TIER_LABELS } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';
import { History } from '../history/history';
import type { HistoryEntry } from '../history/history.service';
import type { CaptureSummary } from './capture-panel';
import { ClaimEvidence } from './claim-evidence';
import { ClaimPageFrame, claimSubjectOf, subjectPath, type ClaimSubject } from './claim-page-frame';
import { COMMITMENT_FIELD_LABELS as LABELS } from './commitment-form';
import { EvidenceFields, prefixedLabels } from './evidence-form';

export function CommitmentFormPage({
  ctx,
  form,
  subject,
  previous,
}: {
  ctx: WebContext;
  form: FormState;
  subject: ClaimSubject;
  previous: CommitmentView[];
}) {
  const withDefaults: FormState = {
    errors: form.errors,
    values: { statedOnPrecision: DatePrecision.Day, ...form.values },
  };
  const title = `Add a commitment of ${subject.name}`;
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › <a href={subjectPath(subject)}>{subject.name}</a>
      </p>
      <h1>{title}</h1>
      <p>
        A commitment is never edited into something else: a change is a new commitment that replaces the old
        one, so the timeline can be replayed as of any date.
      </p>
      <ErrorSummary form={form} labels={{ ...LABELS, ...prefixedLabels('evidence.') }} />
      <form method="post" action={`${subjectPath(subject)}/commitments`} class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          form={withDefaults}
          name="type"
          label={LABELS.type}
          required
          blank="Choose a type"
          options={optionsOf(COMMITMENT_TYPE_LABELS)}
        />
        <TextField form={withDefaults} name="statedOn" label={LABELS.statedOn} type="date" required />
        <SelectField
          form={withDefaults}
          name="statedOnPrecision"
          label={LABELS.statedOnPrecision}
          hint="A month or year counts from its last day: we never credit a statement before we know it was made."
          options={optionsOf(PRECISION_LABELS)}
        />
        <TextArea
          form={withDefaults}
          name="summary"
          label={LABELS.summary}
          required
          hint="What it says, in a sentence or two"
        />
        <fieldset class="group">
          <legend>Scope</legend>
          <CheckboxGroup
            form={withDefaults}
            name="scope.tiers"
            label={LABELS['scope.tiers']}
            options={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField
            form={withDefaults}
            name="scope.materials"
            label={LABELS['scope.materials']}
            hint="Comma-separated, lower case: cotton, polysilicon"
          />
          <TextField form={withDefaults} name="scope.deadline" label={LABELS['scope.deadline']} type="date" />
          <SelectField
            form={withDefaults}
            name="scope.coversLabourTransfers"
            label={LABELS['scope.coversLabourTransfers']}
            hint="Uyghur workers transferred to factories outside the region"
            blank="Not stated"
            options={[
              { value: 'true', label: 'Yes' },
              { value: 'false', label: 'No' },
            ]}
          />
        </fieldset>
        {previous.length > 0 && (
          <SelectField
            form={withDefaults}
            name="supersedesId"
            label={LABELS.supersedesId}
            blank="Nothing: a new position"
            options={previous.map((commitment) => ({
              value: commitment.id,
              label: `${commitment.statedOn}: ${COMMITMENT_TYPE_LABELS[commitment.type]} (${commitment.status})`,
            }))}
          />
        )}
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

export function CommitmentPage({
  ctx,
  commitment,
  captures,
  history,
  attachForm,
}: {
  ctx: WebContext;
  commitment: CommitmentView;
  captures: Map<string, CaptureSummary>;
  history: HistoryEntry[];
  attachForm: FormState;
}) {
  const subject = claimSubjectOf(commitment);
  const scope = commitment.scope;
  return (
    <ClaimPageFrame
      ctx={ctx}
      claim={commitment}
      noun="Commitment"
      path="commitments"
      label={COMMITMENT_TYPE_LABELS[commitment.type]}
      statement={commitment.summary}
    >
      <dl class="facts">
        <dt>Of</dt>
        <dd>
          {subject.kind === 'company' ? 'The group ' : 'The brand '}
          <a href={subjectPath(subject)}>{subject.name}</a>
        </dd>
        <dt>Stated</dt>
        <dd>
          {formatKnownDate(commitment.statedOn, commitment.statedOnPrecision)}; counts from{' '}
          {commitment.effectiveOn}
        </dd>
        {commitment.retractsId && (
          <>
            <dt>Withdraws</dt>
            <dd>
              <a href={`/research/commitments/${commitment.retractsId}`}>the statement it retracts</a>
            </dd>
          </>
        )}
        <dt>Tiers</dt>
        <dd>
          {scope.tiers?.length
            ? scope.tiers.map((tier) => TIER_LABELS[String(tier)]).join('; ')
            : 'Not stated'}
        </dd>
        <dt>Materials</dt>
        <dd>{scope.materials?.join(', ') || 'Not stated'}</dd>
        <dt>Deadline</dt>
        <dd>{scope.deadline ?? 'None stated'}</dd>
        <dt>Labour transfers</dt>
        <dd>
          {scope.coversLabourTransfers === undefined
            ? 'Not stated'
            : scope.coversLabourTransfers
              ? 'Covered'
              : 'Not covered'}
        </dd>
        <dt>Replaces</dt>
        <dd>
          {commitment.supersedesId ? (
            <a href={`/research/commitments/${commitment.supersedesId}`}>an earlier commitment</a>
          ) : (
            'Nothing'
          )}
        </dd>
      </dl>
      <ClaimEvidence
        ctx={ctx}
        kind="commitment"
        claimId={commitment.id}
        evidence={commitment.evidence}
        captures={captures}
        attachForm={attachForm}
      />
      {ctx.viewer?.role !== 'reviewer' && (
        <p>
          <a href={`${subjectPath(subject)}/commitments/new`}>
            Record a new commitment that replaces this one
          </a>
        </p>
      )}
      <History entries={history} entityType="commitment" entityId={commitment.id} />
    </ClaimPageFrame>
  );
}
