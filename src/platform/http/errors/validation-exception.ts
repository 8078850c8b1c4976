import { BadRequestException, ValidationError } from '@nestjs/common';
import type { FieldProblem } from './error-body';

/** Turns class-validator's nested errors into one 400 that names every bad field and why. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const problems = flatten(errors, '');
  const message = problems.map((problem) => problem.reasons.join('; ')).join('; ');
  return new BadRequestException({ message: message || 'Invalid input', details: problems });
}

function flatten(errors: ValidationError[], parentPath: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [
          {
            field,
            reasons: Object.values(error.constraints).map((reason) => qualify(reason, error.property, field)),
          },
        ]
      : [];
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** class-validator starts messages with the bare property name; use the full path for nested fields. */
function qualify(reason: string, property: string, field: string): string {
  return field !== property && reason.startsWith(property) ? field + reason.slice(property.length) : reason;
}
