import { CsrfField, Page, type WebContext } from '../common/page';
import { ErrorSummary, TextArea, TextField, type FormState } from '../common/fields';
import { BRAND_FIELD_LABELS as LABELS } from './brand-form';

export interface BrandFormPageProps {
  ctx: WebContext;
  form: FormState;
  /** Set when editing: the brand's slug (which never changes). */
  slug?: string;
  name?: string;
}

export function BrandFormPage({ ctx, form, slug, name }: BrandFormPageProps) {
  const editing = slug !== undefined;
  const title = editing ? `Edit ${name ?? slug}` : 'Add a brand';
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a>
        {editing && (
          <>
            {' › '}
            <a href={`/research/brands/${slug}`}>{name ?? slug}</a>
          </>
        )}
      </p>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={LABELS} />
      <form
        method="post"
        action={editing ? `/research/brands/${slug}/edit` : '/research/brands'}
        class="stacked"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextField form={form} name="name" label={LABELS.name} required hint="As the public knows it: Zara" />
        {!editing && (
          <TextField
            form={form}
            name="slug"
            label={LABELS.slug}
            hint="Lower-case words joined by hyphens; made from the name when left empty. It never changes later."
          />
        )}
        <TextArea
          form={form}
          name="aliases"
          label={LABELS.aliases}
          rows={3}
          hint="One per line, any script"
        />
        <TextField
          form={form}
          name="company"
          label={LABELS.company}
          hint="The slug of its group, e.g. inditex; empty when unknown"
        />
        <TextField
          form={form}
          name="sectors"
          label={LABELS.sectors}
          hint="Comma-separated keys: apparel, footwear"
        />
        <TextField
          form={form}
          name="hqCountry"
          label={LABELS.hqCountry}
          hint="Two-letter ISO code: ES, GB, US"
          autocomplete="off"
        />
        <TextField form={form} name="website" label={LABELS.website} type="url" hint="https://..." />
        <TextField form={form} name="wikidataId" label={LABELS.wikidataId} hint="Q followed by digits" />
        <TextField form={form} name="lei" label={LABELS.lei} hint="20 characters" />
        <TextField form={form} name="openSupplyHubId" label={LABELS.openSupplyHubId} />
        <div class="actions">
          <button type="submit">{editing ? 'Save changes' : 'Save as draft'}</button>
          <a href={editing ? `/research/brands/${slug}` : '/research'}>Cancel</a>
        </div>
      </form>
    </Page>
  );
}
