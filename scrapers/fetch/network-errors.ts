import { FetchError, isFetchError } from './fetch-error';

/** Socket and undici error codes that mean "try again later". */
const TRANSIENT_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connecting took too long',
  UND_ERR_HEADERS_TIMEOUT: 'the response headers took too long',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  UND_ERR_SOCKET: 'the connection failed',
  UND_ERR_CLOSED: 'the connection closed',
  UND_ERR_ABORTED: 'the request was aborted',
  UND_ERR_RESPONSE_EXCEEDED_MAX_SIZE: 'the response was too large',
};

/**
 * Turns whatever a fetch threw into a FetchError. Anything unrecognised is treated as transient: retrying
 * a fetch is cheap, and losing a check to a misfiled permanent failure is not.
 */
export function toFetchError(error: unknown, abortReason?: string): FetchError {
  if (isFetchError(error)) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (isFetchError(cause)) return cause;
  if (abortReason) return new FetchError('transient', abortReason, { cause: error });
  const code = errorCode(error) ?? errorCode(cause);
  if (code && TRANSIENT_CODES[code])
    return new FetchError('transient', `${TRANSIENT_CODES[code]} (${code})`, { cause: error });
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
    return new FetchError('transient', `the TLS handshake failed (${code})`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError('transient', `the fetch failed: ${message}`, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
