/**
 * Errors that mean Postgres or Redis cannot be reached right now (pool exhausted, connection refused or cut,
 * server shutting down): the request may succeed if retried, so they are a 503, not a 500.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// Postgres SQLSTATE: class 08 connection exceptions, 57P01-57P03 shutdown/cannot connect, 53300 too many connections.
const POSTGRES_UNAVAILABLE = /^(08\d{3}|57P0[123]|53300)$/;
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /Connection is closed/i,
];

export function isUnavailableDependency(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)))
    return true;
  if (MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  const cause = (error as { cause?: unknown }).cause ?? (error as { driverError?: unknown }).driverError;
  return cause !== undefined && cause !== error && isUnavailableDependency(cause);
}
