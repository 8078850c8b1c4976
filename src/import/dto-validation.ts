import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationExceptionFactory } from '../platform/http/errors/validation-exception';

type DtoClass<T> = new () => T;

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Validates a row's fields with the same DTO class and options as the API's ValidationPipe (whitelist,
 * no unknown fields, transform), so an import and a POST accept and refuse exactly the same input, with
 * the same messages.
 */
export async function validateAsDto<T extends object>(
  dto: DtoClass<T>,
  plain: Record<string, unknown>,
  columnOf: Readonly<Record<string, string>> = {},
): Promise<Validated<T>> {
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { ok: true, value: instance };
  const body = validationExceptionFactory(errors).getResponse() as { message: string };
  return { ok: false, reason: toColumnNames(body.message, columnOf) };
}

/**
 * The API names fields as the DTO does (hqCountry, scope.tiers); a CSV user knows the columns (hq_country,
 * scope_tiers). Fields are replaced longest first, so scope.tiers is not read as scope.
 */
function toColumnNames(message: string, columnOf: Readonly<Record<string, string>>): string {
  const fields = Object.keys(columnOf).sort((a, b) => b.length - a.length);
  if (!fields.length) return message;
  const pattern = new RegExp(`\\b(${fields.map((field) => field.replace('.', '\\.')).join('|')})\\b`, 'g');
  return message.replace(pattern, (field) => columnOf[field] ?? field);
}
