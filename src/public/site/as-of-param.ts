import { isIsoDate } from '../../kernel/dates/is-iso-date';
import { today } from '../../kernel/dates/today';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/**
 * `?asOf=` of a page, read by hand rather than by a whitelisting DTO: shared links pick up tracking parameters
 * (utm_*, fbclid) and a page must not refuse them. Same rule as the API: a real day, not in the future.
 */
export function asOfParam(value: unknown): string {
  if (value === undefined || value === '') return today();
  if (typeof value !== 'string' || !isIsoDate(value) || value > today()) {
    throw new DomainError(DomainErrorCode.InvalidInput, 'asOf must be a past or present day as YYYY-MM-DD', [
      { field: 'asOf', reasons: ['asOf must be a past or present day as YYYY-MM-DD'] },
    ]);
  }
  return value;
}
