import { HttpException } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import type { FieldProblem } from '../../platform/http/errors/error-body';
import { validationExceptionFactory } from '../../platform/http/errors/validation-exception';

/** Problems by form field (the DTO path, e.g. `scope.tiers`); `_form` holds those of no one field. */
export type FieldErrors = Record<string, string[]>;

export const FORM_LEVEL = '_form';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Validates form input with the API's own DTO and the same options as the global ValidationPipe, so a
 * page refuses exactly what the API refuses, with the same words.
 */
export async function validateDto<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<Validated<T>> {
  const instance = plainToInstance(dto, plain);
  const problems = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (problems.length === 0) return { ok: true, value: instance };
  return { ok: false, errors: fromProblems(detailsOf(validationExceptionFactory(problems))) };
}

/**
 * Errors a write can raise that the person filling the form can fix: a 400 naming fields, a conflict (slug
 * taken), a rule of the workflow. Anything else (a database outage) is not a form problem and is rethrown.
 */
export function formErrorsOf(error: unknown): { errors: FieldErrors; status: number } | undefined {
  if (error instanceof DomainError) {
    const status = statusOf(error.code);
    if (status === undefined) return undefined;
    const fields = fromProblems(error.details);
    return { errors: Object.keys(fields).length ? fields : { [FORM_LEVEL]: [error.message] }, status };
  }
  if (error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500) {
    const fields = fromProblems(detailsOf(error));
    return {
      errors: Object.keys(fields).length ? fields : { [FORM_LEVEL]: [error.message] },
      status: error.getStatus(),
    };
  }
  const code = (error as { code?: unknown }).code;
  if (code === '23505') return { errors: { [FORM_LEVEL]: ['That value is already taken'] }, status: 409 };
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

function statusOf(code: DomainErrorCode): number | undefined {
  switch (code) {
    case DomainErrorCode.InvalidInput:
      return 400;
    case DomainErrorCode.Conflict:
    case DomainErrorCode.InvalidState:
      return 409;
    case DomainErrorCode.Forbidden:
      return 403;
    case DomainErrorCode.NotFound:
    case DomainErrorCode.Unauthenticated:
      return undefined;
  }
}

function detailsOf(error: HttpException): unknown {
  const response = error.getResponse();
  return typeof response === 'object' && response !== null
    ? (response as { details?: unknown }).details
    : undefined;
}

function fromProblems(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const problem of details as FieldProblem[]) {
    if (typeof problem?.field !== 'string' || !Array.isArray(problem.reasons)) continue;
    // "sectors.0" and similar: show the reason at the field itself.
    const field = problem.field.replace(/\.\d+$/, '');
    (errors[field] ??= []).push(...problem.reasons);
  }
  return errors;
}
