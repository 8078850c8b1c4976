/**
 * Errors a service raises about the domain; each code maps to one HTTP status in the exception filter,
 * so services never think in HTTP and controllers never catch.
 */
export enum DomainErrorCode {
  NotFound = 'not_found',
  Conflict = 'conflict',
  InvalidInput = 'invalid_input',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  InvalidState = 'invalid_state',
}

export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const DOMAIN_ERROR_STATUS: { [Code in DomainErrorCode]: number } = {
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.InvalidInput]: 400,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.Unauthenticated]: 401,
  [DomainErrorCode.InvalidState]: 409,
};
