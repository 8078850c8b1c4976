import { ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../common/fields';
import {
  COMMITMENT_TYPE_LABELS,
  EVIDENCE_KIND_LABELS,
  FINDING_KIND_LABELS,
  formatTime,
  optionsOf,
  PRECISION_LABELS,
} from '../common/labels';
import { CsrfField, type WebContext } from '../common/page';
import type { FlagCard } from './flag-queue.service';
import { confirmDefaults, type DraftChoice, type Resolution } from './flag-resolution';
import type { DiffRow, Segment } from './text-diff';

/** A resolve form that came back with problems. */
export interface FailedResolution {
  resolution: Resolution;
  form: FormState;
}

export function FlagArticle({
  ctx,
  card,
  failed,
  headingLevel = 2,
}: {
  ctx: WebContext;
  card: FlagCard;
  failed?: FailedResolution;
  headingLevel?: 1 | 2;
}) {
  const { flag } = card;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const key = `flag-${flag.id}`;
  return (
    <article class="flag" id={key} tabIndex={-1} data-triage-item aria-labelledby={`${key}-title`}>
      <header>
        <p class="flag-meta">
          <span class={`significance-${flag.significance}`}>{flag.significance}</span>
          {' · '}
          {flag.kind === 'page_gone'
            ? `page gone${flag.httpStatus ? ` (HTTP ${flag.httpStatus})` : ''}`
            : 'change'}
          {' · '}
          <time dateTime={flag.createdAt}>{formatTime(flag.createdAt)}</time>
          {flag.status !== 'open' && (
            <>
              {' '}
              · <strong>{flag.status}</strong>
            </>
          )}
        </p>
        <Heading id={`${key}-title`}>
          {card.brand ? (
            <a href={`/research/brands/${card.brand.slug}`}>{card.brand.name}</a>
          ) : (
            'Unknown brand'
          )}
          : <a href={`/review/flags/${flag.id}`}>{card.pageName}</a>
        </Heading>
        <p class="url small">
          <a href={flag.url} rel="noreferrer noopener">
            {flag.url}
          </a>
        </p>
        {flag.terms.length > 0 && (
          <p>
            Matched terms:{' '}
            {flag.terms.map((term) => (
              <span class="tag">{term}</span>
            ))}
          </p>
        )}
        {flag.reasons.length > 0 && <p class="muted small">Why: {flag.reasons.join('; ')}</p>}
      </header>
      <Diff card={card} />
      <Screenshots card={card} />
      {flag.status === 'open' ? (
        <ResolveForms ctx={ctx} card={card} failed={failed} />
      ) : (
        <p class="notice">
          {flag.status === 'confirmed' ? 'Confirmed' : 'Dismissed'} {formatTime(flag.resolvedAt)}
          {flag.resolutionNote ? `: ${flag.resolutionNote}` : ''}
          {flag.createdCommitmentId && (
            <>
              {' '}
              · <a href={`/research/commitments/${flag.createdCommitmentId}`}>draft commitment</a>
            </>
          )}
          {flag.createdEvidenceId && (
            <>
              {' '}
              · <a href={`/research/evidence/${flag.createdEvidenceId}`}>draft evidence</a>
            </>
          )}
        </p>
      )}
    </article>
  );
}

function Diff({ card }: { card: FlagCard }) {
  if (!card.rows) {
    return (
      <p class="notice">
        {card.flag.kind === 'page_gone'
          ? `The page no longer answers with its content${card.flag.returnedAt ? `; it returned ${formatTime(card.flag.returnedAt)}` : ''}.`
          : 'Only one version of the page is stored; there is nothing to compare.'}
      </p>
    );
  }
  return (
    <div class="table-wrap">
      <table class="diff-table">
        <caption>
          Text of the page before and after: removed words are <del>struck through</del>, added words are{' '}
          <ins>underlined</ins>.
        </caption>
        <thead>
          <tr>
            <th scope="col">Before ({formatTime(card.flag.oldSnapshot?.fetchedAt)})</th>
            <th scope="col">After ({formatTime(card.flag.newSnapshot?.fetchedAt)})</th>
          </tr>
        </thead>
        <tbody>
          {card.rows.map((row) => (
            <DiffLine row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  switch (row.kind) {
    case 'same':
      return (
        <tr class="same">
          <td>{row.text}</td>
          <td>{row.text}</td>
        </tr>
      );
    case 'gap':
      return (
        <tr class="gap">
          <td colSpan={2}>… {row.skipped} unchanged sentence(s) …</td>
        </tr>
      );
    case 'change':
      return (
        <tr class="change">
          <td>
            <Segments segments={row.before} />
          </td>
          <td>
            <Segments segments={row.after} />
          </td>
        </tr>
      );
  }
}

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment) =>
        segment.kind === 'del' ? (
          <del>{segment.text}</del>
        ) : segment.kind === 'ins' ? (
          <ins>{segment.text}</ins>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

function Screenshots({ card }: { card: FlagCard }) {
  const shot = (label: string, url: string | null | undefined) => (
    <figure>
      <figcaption>{label}</figcaption>
      {url ? (
        <a href={url}>
          <img src={url} alt={`${label}: screenshot of ${card.pageName}`} loading="lazy" />
        </a>
      ) : (
        <p class="muted small">No screenshot (read over plain HTTP).</p>
      )}
    </figure>
  );
  return (
    <div class="screenshots">
      {shot('Before', card.flag.oldSnapshot?.screenshotUrl)}
      {shot('After', card.flag.newSnapshot?.screenshotUrl)}
    </div>
  );
}

const DRAFT_OPTIONS: Array<[DraftChoice, string]> = [
  ['none', 'Nothing but the evidence'],
  ['commitment', 'A commitment (new, or superseding the one it replaces)'],
  ['retraction', 'A retraction of a statement'],
  ['finding', 'An exposure finding (e.g. a supplier or facility in the region admitted)'],
];

/** The brand's standing statements, to supersede or withdraw. */
function standingOptions(card: FlagCard): Array<{ value: string; label: string }> {
  return card.standing.map((statement) => ({
    value: statement.id,
    label: `${COMMITMENT_TYPE_LABELS[statement.type]} (${statement.effectiveOn}): ${statement.summary.slice(0, 80)}`,
  }));
}

function ResolveForms({ ctx, card, failed }: { ctx: WebContext; card: FlagCard; failed?: FailedResolution }) {
  const flagId = card.flag.id;
  // Ids must start with a letter to be usable in CSS selectors and fragment links.
  const id = `flag-${flagId}`;
  const confirm: FormState =
    failed?.resolution === 'confirmed' ? failed.form : { values: confirmDefaults(card), errors: {} };
  const dismiss: FormState = failed?.resolution === 'dismissed' ? failed.form : { values: {}, errors: {} };
  const labels = {
    note: 'Note',
    'commitment.type': 'Commitment type',
    'commitment.statedOn': 'Stated on',
    'commitment.summary': 'Summary',
  };
  return (
    <div class="resolve two-up">
      <form method="post" action={`/review/flags/${flagId}/confirm`} class="stacked" novalidate>
        <h3>Confirm</h3>
        <CsrfField ctx={ctx} />
        <ErrorSummary form={confirm} labels={labels} />
        <label class="check">
          <input
            type="checkbox"
            name="createEvidence"
            value="yes"
            checked={confirm.values.createEvidence === 'yes'}
          />{' '}
          Log the new version as draft evidence (archived)
        </label>
        <SelectField
          form={confirm}
          id={`${id}-evidence-kind`}
          name="evidence.kind"
          label="Kind of source"
          options={optionsOf(EVIDENCE_KIND_LABELS)}
        />
        <details open={card.flag.significance === 'major' || confirm.values.draft !== 'none'}>
          <summary>Also draft a record from the change (submitted for review at once)</summary>
          <fieldset class="checkboxes">
            <legend>Draft</legend>
            {DRAFT_OPTIONS.map(([value, text]) => (
              <label class="check">
                <input type="radio" name="draft" value={value} checked={confirm.values.draft === value} />{' '}
                {text}
              </label>
            ))}
          </fieldset>
          <SelectField
            form={confirm}
            id={`${id}-type`}
            name="commitment.type"
            label={labels['commitment.type']}
            options={optionsOf(COMMITMENT_TYPE_LABELS)}
            hint="For a new commitment; a retraction is its own type"
          />
          <SelectField
            form={confirm}
            id={`${id}-supersedes`}
            name="commitment.supersedesId"
            label="Supersedes (new commitment)"
            blank="Nothing: a new statement"
            options={standingOptions(card)}
          />
          <SelectField
            form={confirm}
            id={`${id}-retracts`}
            name="commitment.retractsId"
            label="Withdraws (retraction)"
            blank="Not known"
            options={standingOptions(card)}
          />
          <SelectField
            form={confirm}
            id={`${id}-finding-kind`}
            name="finding.kind"
            label="Kind of finding (finding)"
            options={optionsOf(FINDING_KIND_LABELS)}
          />
          <TextField
            form={confirm}
            id={`${id}-stated`}
            name="commitment.statedOn"
            label="Stated on"
            type="date"
          />
          <SelectField
            form={confirm}
            id={`${id}-precision`}
            name="commitment.statedOnPrecision"
            label="How exactly it is dated"
            options={optionsOf(PRECISION_LABELS)}
          />
          <TextArea form={confirm} id={`${id}-summary`} name="commitment.summary" label="Summary" rows={3} />
        </details>
        <TextArea form={confirm} id={`${id}-confirm-note`} name="note" label="Note (optional)" rows={2} />
        <div class="actions">
          <button type="submit" data-triage-confirm>
            Confirm
          </button>
        </div>
      </form>
      <form method="post" action={`/review/flags/${flagId}/dismiss`} class="stacked" novalidate>
        <h3>Dismiss</h3>
        <CsrfField ctx={ctx} />
        <TextArea
          form={dismiss}
          id={`${id}-dismiss-note`}
          name="note"
          label="Reason"
          rows={2}
          required
          hint="Why this change does not matter: noise, a layout change, already recorded..."
        />
        <div class="actions">
          <button type="submit" class="button danger" data-triage-dismiss>
            Dismiss
          </button>
        </div>
      </form>
    </div>
  );
}
