import type { ComponentChildren } from 'preact';
import { FORM_LEVEL, type FieldErrors } from './form-errors';
import { valueOf, valuesOf, type FormValues } from './form-body';

/** What a form needs to show itself again: the values as typed and the problems by field. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

interface FieldBase {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** When the same field appears in several forms on one page (one per queue item). */
  id?: string;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Label, hint and error wired to the control with aria-describedby; aria-invalid when it has an error. */
function describe(id: string, hint: string | undefined, errors: string[] | undefined) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    'aria-describedby': described.length ? described.join(' ') : undefined,
    'aria-invalid': errors?.length ? ('true' as const) : undefined,
  };
}

function FieldFrame(props: FieldBase & { children: ComponentChildren; legend?: boolean }) {
  const errors = props.form.errors[props.name];
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={`field${errors?.length ? ' invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required"> (required)</span>}
      </label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {errors?.length ? (
        <span class="error" id={`${id}-error`}>
          {errors.join('; ')}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

export function TextField(
  props: FieldBase & { type?: string; autocomplete?: string; inputmode?: string; placeholder?: string },
) {
  return (
    <FieldFrame {...props}>
      <input
        {...describe(props.id ?? fieldId(props.name), props.hint, props.form.errors[props.name])}
        name={props.name}
        type={props.type ?? 'text'}
        value={valueOf(props.form.values, props.name)}
        required={props.required}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        placeholder={props.placeholder}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldBase & { rows?: number }) {
  return (
    <FieldFrame {...props}>
      <textarea
        {...describe(props.id ?? fieldId(props.name), props.hint, props.form.errors[props.name])}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
      >
        {valueOf(props.form.values, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldBase & { options: Option[]; blank?: string }) {
  const current = valueOf(props.form.values, props.name);
  return (
    <FieldFrame {...props}>
      <select
        {...describe(props.id ?? fieldId(props.name), props.hint, props.form.errors[props.name])}
        name={props.name}
        required={props.required}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes sharing one name, in a fieldset whose legend labels the group. */
export function CheckboxGroup(props: FieldBase & { options: Option[] }) {
  const checked = new Set(valuesOf(props.form.values, props.name));
  const errors = props.form.errors[props.name];
  const id = fieldId(props.name);
  return (
    <fieldset
      id={id}
      class={`field checkboxes${errors?.length ? ' invalid' : ''}`}
      aria-describedby={errors?.length ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
    >
      <legend>{props.label}</legend>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {errors?.length ? (
        <span class="error" id={`${id}-error`}>
          {errors.join('; ')}
        </span>
      ) : null}
      {props.options.map((option, index) => (
        <label class="check" for={`${id}-${index}`}>
          <input
            type="checkbox"
            id={`${id}-${index}`}
            name={props.name}
            value={option.value}
            checked={checked.has(option.value)}
            aria-invalid={errors?.length ? 'true' : undefined}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The problems of a form listed at its top, each linking to its field (the GOV.UK error summary pattern),
 * plus any problem that belongs to no one field.
 */
export function ErrorSummary({ form, labels }: { form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([name, reasons]) =>
          name === FORM_LEVEL || !(name in labels) ? (
            <li>{reasons.join('; ')}</li>
          ) : (
            <li>
              <a href={`#${fieldId(name)}`}>
                {labels[name]}: {reasons.join('; ')}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
