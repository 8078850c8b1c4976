import type { Company } from '../../catalogue/companies/company.entity';
import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import type { FindingView } from '../../claims/findings/dto/finding.view';
import { ErrorSummary, TextArea, TextField, type FormState } from '../common/fields';
import { COMMITMENT_TYPE_LABELS, FINDING_KIND_LABELS } from '../common/labels';
import { CsrfField, Page, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';
import { History } from '../history/history';
import type { HistoryEntry } from '../history/history.service';
import { COMPANY_FIELD_LABELS as LABELS } from './company-form';
import { ReviewPanel } from './review-panel';
import { PendingRevisionPanel } from '../review/revision-changes';
import type { RevisionItem } from '../review/revision-display';

export function CompanyFormPage({
  ctx,
  form,
  slug,
  name,
}: {
  ctx: WebContext;
  form: FormState;
  slug?: string;
  name?: string;
}) {
  const editing = slug !== undefined;
  const title = editing ? `Edit ${name ?? slug}` : 'Add a company group';
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={LABELS} />
      <form
        method="post"
        action={editing ? `/research/companies/${slug}/edit` : '/research/companies'}
        class="stacked"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextField form={form} name="name" label={LABELS.name} required hint="The group: Inditex SA" />
        {!editing && (
          <TextField form={form} name="slug" label={LABELS.slug} hint="Made from the name when left empty" />
        )}
        <TextArea
          form={form}
          name="aliases"
          label={LABELS.aliases}
          rows={3}
          hint="One per line, any script"
        />
        <TextField form={form} name="country" label={LABELS.country} hint="Two-letter ISO code" />
        <TextField form={form} name="website" label={LABELS.website} type="url" />
        <TextField form={form} name="wikidataId" label={LABELS.wikidataId} />
        <TextField form={form} name="lei" label={LABELS.lei} />
        <div class="actions">
          <button type="submit">{editing ? 'Save changes' : 'Save as draft'}</button>
          <a href={editing ? `/research/companies/${slug}` : '/research'}>Cancel</a>
        </div>
      </form>
    </Page>
  );
}

export function CompanyPage({
  ctx,
  company,
  commitments,
  findings,
  history,
  revision,
}: {
  ctx: WebContext;
  company: Company;
  commitments: CommitmentView[];
  findings: FindingView[];
  history: HistoryEntry[];
  revision: RevisionItem | null;
}) {
  const canWrite = ctx.viewer?.role !== 'reviewer';
  return (
    <Page ctx={ctx} title={company.name}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › Company groups
      </p>
      <h1>
        {company.name} <StatusBadge status={company.status} />
      </h1>
      <ReviewPanel ctx={ctx} facts={company} submitAction={`/research/companies/${company.slug}/submit`} />
      {revision && <PendingRevisionPanel item={revision} viewerEmail={ctx.viewer?.email} />}
      {canWrite && (
        <div class="actions">
          <a class="button secondary" href={`/research/companies/${company.slug}/edit`}>
            Edit identity
          </a>
          <a class="button secondary" href={`/research/companies/${company.slug}/commitments/new`}>
            Add a group commitment
          </a>
          <a class="button secondary" href={`/research/companies/${company.slug}/findings/new`}>
            Add a group finding
          </a>
        </div>
      )}
      <dl class="facts">
        <dt>Slug</dt>
        <dd>
          <code>{company.slug}</code>
        </dd>
        <dt>Other names</dt>
        <dd>{company.aliases.join(', ') || '—'}</dd>
        <dt>Country</dt>
        <dd>{company.country ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{company.website ? <a href={company.website}>{company.website}</a> : '—'}</dd>
        <dt>Wikidata</dt>
        <dd>{company.wikidataId ?? '—'}</dd>
        <dt>LEI</dt>
        <dd>{company.lei ?? '—'}</dd>
      </dl>
      <h2>Group commitments</h2>
      {commitments.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <ul class="plain-list">
          {commitments.map((commitment) => (
            <li>
              {commitment.statedOn}{' '}
              <a href={`/research/commitments/${commitment.id}`}>{COMMITMENT_TYPE_LABELS[commitment.type]}</a>{' '}
              <StatusBadge status={commitment.status} />
            </li>
          ))}
        </ul>
      )}
      <h2>Group findings</h2>
      {findings.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <ul class="plain-list">
          {findings.map((finding) => (
            <li>
              {finding.publishedOn}{' '}
              <a href={`/research/findings/${finding.id}`}>{FINDING_KIND_LABELS[finding.kind]}</a>{' '}
              <StatusBadge status={finding.status} />
            </li>
          ))}
        </ul>
      )}
      <History entries={history} entityType="company" entityId={company.id} />
    </Page>
  );
}
