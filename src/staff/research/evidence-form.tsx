import { today } from '../../kernel/dates/today';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { SelectField, TextField, type FormState } from '../common/fields';
import { field, optional, type FormBody } from '../common/form-body';
import { EVIDENCE_KIND_LABELS, optionsOf } from '../common/labels';

export const EVIDENCE_FIELD_LABELS: Record<string, string> = {
  url: 'Source URL',
  documentRef: 'Uploaded document reference',
  title: 'Title',
  publisher: 'Publisher',
  kind: 'Kind of source',
  publishedOn: 'Published on',
  accessedOn: 'Accessed on',
};

/** The evidence fields as a CreateEvidenceDto; `prefix` when they sit inside a claim's form. */
export function toCreateEvidence(body: FormBody, prefix = ''): Record<string, unknown> {
  return {
    url: optional(field(body, `${prefix}url`)),
    documentRef: optional(field(body, `${prefix}documentRef`)),
    title: optional(field(body, `${prefix}title`)),
    publisher: optional(field(body, `${prefix}publisher`)),
    kind: field(body, `${prefix}kind`),
    publishedOn: optional(field(body, `${prefix}publishedOn`)),
    accessedOn: optional(field(body, `${prefix}accessedOn`)) ?? today(),
  };
}

/** A claim's form may log its source at the same time; it does when a URL is given. */
export function wantsNewEvidence(body: FormBody, prefix: string): boolean {
  return field(body, `${prefix}url`) !== '' || field(body, `${prefix}documentRef`) !== '';
}

export function prefixedLabels(prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(EVIDENCE_FIELD_LABELS).map(([name, label]) => [`${prefix}${name}`, `Evidence: ${label}`]),
  );
}

export function EvidenceFields({
  form,
  prefix = '',
  optionalSource = false,
}: {
  form: FormState;
  prefix?: string;
  optionalSource?: boolean;
}) {
  const kindForm = form.values[`${prefix}kind`]
    ? form
    : { ...form, values: { ...form.values, [`${prefix}kind`]: EvidenceKind.CompanyStatement } };
  return (
    <>
      <TextField
        form={form}
        name={`${prefix}url`}
        label={EVIDENCE_FIELD_LABELS.url}
        type="url"
        required={!optionalSource}
        hint={
          optionalSource
            ? 'Optional here: give it to log the source with this entry. It is archived when saved.'
            : 'The page or file; it is archived (HTML, text, screenshot) when saved.'
        }
      />
      <TextField form={form} name={`${prefix}title`} label={EVIDENCE_FIELD_LABELS.title} />
      <TextField form={form} name={`${prefix}publisher`} label={EVIDENCE_FIELD_LABELS.publisher} />
      <SelectField
        form={kindForm}
        name={`${prefix}kind`}
        label={EVIDENCE_FIELD_LABELS.kind}
        options={optionsOf(EVIDENCE_KIND_LABELS)}
      />
      <TextField
        form={form}
        name={`${prefix}publishedOn`}
        label={EVIDENCE_FIELD_LABELS.publishedOn}
        type="date"
        hint="When known"
      />
    </>
  );
}
