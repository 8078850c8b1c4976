import { ErrorSummary, TextArea, type FormState } from '../common/fields';
import { CsrfField, Page, type WebContext } from '../common/page';
import type { CandidateView } from '../../screening/dto/candidate.view';

/** A dismiss form that came back with problems, shown on its candidate. */
export interface FailedDismissal {
  id: string;
  form: FormState;
}

/**
 * The screening queue for researchers: each open candidate with the supplier beside the listed entity and the
 * matcher's reasons; confirm (a draft finding of theirs, to submit for review) or dismiss with a reason.
 */
export function ScreeningQueuePage({
  ctx,
  candidates,
  nextCursor,
  failed,
}: {
  ctx: WebContext;
  candidates: CandidateView[];
  nextCursor: string | null;
  failed?: FailedDismissal;
}) {
  return (
    <Page ctx={ctx} title="Screening candidates">
      <h1>Screening candidates</h1>
      <p class="lead">
        Suppliers on brands' published lists that look like entries of an entity list. A candidate is a lead,
        not a finding: check that it is the same firm and facility before confirming it.
      </p>
      {candidates.length === 0 ? (
        <p>No open candidates.</p>
      ) : (
        <div class="queue">
          {candidates.map((candidate) => (
            <CandidateArticle
              ctx={ctx}
              candidate={candidate}
              failed={failed?.id === candidate.id ? failed.form : undefined}
            />
          ))}
        </div>
      )}
      {nextCursor && (
        <p>
          <a href={`/research/screening?cursor=${encodeURIComponent(nextCursor)}`}>Next page</a>
        </p>
      )}
    </Page>
  );
}

function CandidateArticle({
  ctx,
  candidate,
  failed,
}: {
  ctx: WebContext;
  candidate: CandidateView;
  failed?: FormState;
}) {
  const { supplier, entity } = candidate;
  const key = `candidate-${candidate.id}`;
  const form = failed ?? { values: {}, errors: {} };
  return (
    <article class="flag" id={key} aria-labelledby={`${key}-title`}>
      <h2 id={`${key}-title`}>
        {supplier.name}{' '}
        <span class={`significance-${candidate.decision === 'match' ? 'major' : 'minor'}`}>
          {candidate.decision}
        </span>
      </h2>
      <dl>
        <dt>Supplier</dt>
        <dd>
          {supplier.name} ({supplier.id}){supplier.address ? `, ${supplier.address}` : ''}
          {supplier.country ? `, ${supplier.country}` : ''}
        </dd>
        <dt>Listed entity</dt>
        <dd>
          {entity.name}
          {entity.nameZh ? ` (${entity.nameZh})` : ''} ({entity.externalId}
          {entity.listSection ? `, section ${entity.listSection}` : ''}
          {entity.addedOn ? `, listed ${entity.addedOn}` : ''})
        </dd>
        <dt>Score</dt>
        <dd>{candidate.score}</dd>
        <dt>Why</dt>
        <dd>
          <ul>
            {candidate.reasons.map((reason) => (
              <li>{reason}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <form method="post" action={`/research/screening/${candidate.id}/confirm`}>
        <CsrfField ctx={ctx} />
        <button type="submit">Confirm: draft a finding</button>
      </form>
      <form method="post" action={`/research/screening/${candidate.id}/dismiss`}>
        <CsrfField ctx={ctx} />
        <ErrorSummary form={form} labels={{ reason: 'Why it is not the listed entity' }} />
        <TextArea
          form={form}
          id={`${key}-reason`}
          name="reason"
          label="Why it is not the listed entity"
          rows={2}
          required
        />
        <button type="submit">Dismiss</button>
      </form>
    </article>
  );
}
