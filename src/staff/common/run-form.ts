import type { Response } from 'express';
import type { ClassConstructor } from 'class-transformer';
import type { VNode } from 'preact';
import type { FormState } from './fields';
import { setFlash } from './flash';
import type { FormValues } from './form-body';
import { formErrorsOf, hasErrors, validateDto, type FieldErrors } from './form-errors';
import { sendPage } from './page';

/** Where to go after a successful write, and what to tell the person there. */
export interface FormSuccess {
  redirect: string;
  flash: string;
}

export interface FormRun<T extends object> {
  dto: ClassConstructor<T>;
  /** The form turned into the DTO's shape (strings split into lists, blanks left out...). */
  plain: Record<string, unknown>;
  /** What was typed, shown again when the form comes back with errors. */
  values: FormValues;
  /** Problems found before the DTO (e.g. in a sub-form validated with another DTO). */
  otherErrors?: FieldErrors;
  write: (input: T) => Promise<FormSuccess>;
  render: (form: FormState, status: number) => VNode;
  secureCookies: boolean;
}

/**
 * The one way our forms are handled: validate with the API's DTO, write through the service, then
 * POST-redirect-GET with a flash message. Bad input, or a rule the service refuses, shows the form again
 * with each problem beside its field and everything typed kept.
 */
export async function runForm<T extends object>(response: Response, run: FormRun<T>): Promise<void> {
  const validated = await validateDto(run.dto, run.plain);
  const errors = { ...(validated.ok ? {} : validated.errors), ...run.otherErrors };
  if (!validated.ok || hasErrors(errors)) {
    return sendPage(response, run.render({ values: run.values, errors }, 400), 400);
  }
  try {
    const success = await run.write(validated.value);
    setFlash(response, { kind: 'ok', text: success.flash }, run.secureCookies);
    response.redirect(303, success.redirect);
  } catch (error: unknown) {
    const refused = formErrorsOf(error);
    if (!refused) throw error;
    sendPage(
      response,
      run.render({ values: run.values, errors: refused.errors }, refused.status),
      refused.status,
    );
  }
}

/** Runs an action that has no form of its own (submit, pause...), reporting its outcome as a flash. */
export async function runAction(
  response: Response,
  secureCookies: boolean,
  redirect: string,
  action: () => Promise<string>,
): Promise<void> {
  try {
    const text = await action();
    setFlash(response, { kind: 'ok', text }, secureCookies);
  } catch (error: unknown) {
    const refused = formErrorsOf(error);
    if (!refused) throw error;
    const text = Object.values(refused.errors).flat().join('; ');
    setFlash(response, { kind: 'error', text }, secureCookies);
  }
  response.redirect(303, redirect);
}

export function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([name, reasons]) => [`${prefix}${name}`, reasons]));
}
