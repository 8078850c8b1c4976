import type { ImportReport, RowFailure } from '../../import/import-report';
import { IMPORT_KINDS } from '../../import/row-importer';
import { ErrorSummary, fieldId, SelectField, type FormState } from '../common/fields';
import { valueOf } from '../common/form-body';
import { CsrfField, Page, type WebContext } from '../common/page';

export interface ImportPreview {
  report: ImportReport;
  failures: RowFailure[];
  summary: string;
}

const LABELS = { kind: 'What the file holds', csv: 'CSV' };

export function ImportPage({
  ctx,
  form,
  preview,
}: {
  ctx: WebContext;
  form: FormState;
  preview?: ImportPreview;
}) {
  return (
    <Page ctx={ctx} title="Import a CSV" scripts={['/assets/import-file.js']}>
      <p class="breadcrumbs">
        <a href="/research">Research</a>
      </p>
      <h1>Import a CSV</h1>
      <p>
        Rows become your drafts, checked by the same rules as the forms. Preview first: nothing is written
        until you apply. The columns are described in <a href="/api/docs">the API documentation</a> and
        docs/import.md.
      </p>
      {preview && <Preview ctx={ctx} form={form} preview={preview} />}
      <ErrorSummary form={form} labels={LABELS} />
      <form method="post" action="/research/import" class="stacked" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="action" value="preview" />
        <SelectField
          form={form}
          name="kind"
          label={LABELS.kind}
          required
          options={IMPORT_KINDS.map((kind) => ({ value: kind, label: kind }))}
        />
        <label for="csv-file" hidden>
          Read a file into the box
        </label>
        <input type="file" id="csv-file" accept=".csv,text/csv" data-csv-file hidden />
        <CsvBox form={form} />
        <div class="actions">
          <button type="submit">Preview (dry run)</button>
        </div>
      </form>
    </Page>
  );
}

function CsvBox({ form }: { form: FormState }) {
  const errors = form.errors.csv;
  const id = fieldId('csv');
  return (
    <div class={`field${errors?.length ? ' invalid' : ''}`}>
      <label for={id}>{LABELS.csv}</label>
      <span class="hint" id={`${id}-hint`}>
        Paste the file here, header row first.
      </span>
      {errors?.length ? (
        <span class="error" id={`${id}-error`}>
          {errors.join('; ')}
        </span>
      ) : null}
      <TextAreaRaw id={id} value={valueOf(form.values, 'csv')} invalid={Boolean(errors?.length)} />
    </div>
  );
}

function TextAreaRaw({ id, value, invalid }: { id: string; value: string; invalid: boolean }) {
  return (
    <textarea
      id={id}
      name="csv"
      rows={12}
      class="mono"
      data-csv-text
      aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid={invalid ? 'true' : undefined}
    >
      {value}
    </textarea>
  );
}

function Preview({ ctx, form, preview }: { ctx: WebContext; form: FormState; preview: ImportPreview }) {
  const { report, failures } = preview;
  return (
    <section class="import-report" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <p role="status">{preview.summary}</p>
      {failures.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Rows that would be refused</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((failure) => (
                <tr>
                  <td>{failure.line}</td>
                  <td>{failure.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.rows > failures.length && (
        <form method="post" action="/research/import" class="inline">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="action" value="apply" />
          <input type="hidden" name="kind" value={report.kind} />
          <input type="hidden" name="csv" value={valueOf(form.values, 'csv')} />
          <button type="submit">
            Apply: import {report.rows - failures.length} row(s)
            {failures.length ? ', skipping the refused ones' : ''}
          </button>
        </form>
      )}
    </section>
  );
}
