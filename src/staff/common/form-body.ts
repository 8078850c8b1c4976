/**
 * An HTML form body as Express's urlencoded parser gives it (extended: false): each field a string, or an
 * array of strings when the field repeats (checkbox groups).
 */
export type FormBody = Record<string, string | string[] | undefined>;

/** The last value of a field, trimmed; '' when absent. */
export function field(body: FormBody, name: string): string {
  const value = body[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last.trim() : '';
}

/** Every value of a repeated field (checkboxes), trimmed, blanks dropped. */
export function fieldList(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** A text field holding a list: one item per line or comma. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Undefined for an empty field, so optional DTO properties stay absent. */
export function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** Null for an empty field: on edit forms an emptied field clears the value. */
export function nullable(text: string): string | null {
  return text === '' ? null : text;
}

/** The values as typed, to put back in the form when it is shown again. */
export type FormValues = Record<string, string | string[]>;

export function formValues(body: FormBody): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (name !== '_csrf' && value !== undefined) values[name] = value;
  }
  return values;
}

export function valueOf(values: FormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '');
}

export function valuesOf(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
