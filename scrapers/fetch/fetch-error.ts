/**
 * Why a fetch did not produce a result, sorted for the monitor (STYLE.md "Failures by kind"):
 * - `blocked`: the egress guard refused the URL or an address it resolved to (never retried).
 * - `invalid_url`: the URL cannot be fetched at all (malformed, unsupported scheme).
 * - `transient`: timeouts, resets, refused connections, 5xx/429, browser crashes: retry with backoff.
 * - `too_large`: the body passed the size cap.
 * - `unsupported_content`: a content type we do not read (images, archives...).
 * - `gone`: the host name does not exist (NXDOMAIN); the monitor decides when that becomes a finding.
 * - `too_many_redirects`: more hops than allowed, or a loop.
 * 404 and 410 are not errors: they come back as results with that status.
 */
export type FetchErrorKind =
  | 'blocked'
  | 'invalid_url'
  | 'transient'
  | 'too_large'
  | 'unsupported_content'
  | 'gone'
  | 'too_many_redirects';

export interface FetchErrorDetails {
  url?: string;
  status?: number;
  cause?: unknown;
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly url?: string;
  readonly status?: number;

  constructor(
    readonly kind: FetchErrorKind,
    readonly reason: string,
    details: FetchErrorDetails = {},
  ) {
    super(`${kind}: ${reason}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
  }

  /** True when retrying later may succeed; everything else is a finding about the page or the URL. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }

  /** The same failure, tagged with the URL it happened on when it did not know it yet. */
  withUrl(url: string): FetchError {
    if (this.url) return this;
    return new FetchError(this.kind, this.reason, { url, status: this.status, cause: this.cause });
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}
