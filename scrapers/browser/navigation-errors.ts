import { FetchError } from '../fetch/fetch-error';
import type { EgressProxy } from '../net/egress-proxy';

/** Chromium net errors that mean the name does not exist, rather than "try again". */
const GONE_NET_ERRORS = ['ERR_NAME_NOT_RESOLVED', 'ERR_NAME_RESOLUTION_FAILED'];
/**
 * Chromium's own refusals: a redirect to a scheme it will not follow from the web (file:, chrome:...) never
 * reaches the request filter or the proxy, and retrying cannot change the answer.
 */
const REFUSED_NET_ERRORS = ['ERR_UNSAFE_REDIRECT', 'ERR_BLOCKED_BY_CLIENT', 'ERR_DISALLOWED_URL_SCHEME'];

/**
 * Explains why a navigation failed. Chromium only says "tunnel failed" or "blocked"; the proxy knows whether
 * it refused the target (blocked), found no such name (gone) or could not connect (transient).
 */
export function navigationFailure(
  error: unknown,
  context: { url: string; proxy: EgressProxy; since: Date; lastNavigation?: string; browserAlive: boolean },
): FetchError {
  if (error instanceof FetchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!context.browserAlive) {
    return new FetchError('transient', `the browser crashed or was closed during the fetch (${message})`, {
      url: context.url,
      cause: error,
    });
  }
  const target = hostPortOf(context.lastNavigation ?? context.url);
  const proxied = target ? context.proxy.failureFor(target, context.since) : undefined;
  if (proxied) return new FetchError(proxied.kind, proxied.reason, { url: context.url, cause: error });
  if (REFUSED_NET_ERRORS.some((code) => message.includes(code))) {
    return new FetchError(
      'blocked',
      `the page navigated to a URL that is not fetched (${context.lastNavigation ?? 'unknown'})`,
      {
        url: context.url,
        cause: error,
      },
    );
  }
  if (GONE_NET_ERRORS.some((code) => message.includes(code))) {
    return new FetchError('gone', `the host name does not resolve (${message})`, {
      url: context.url,
      cause: error,
    });
  }
  if (message.includes('ERR_ABORTED')) {
    return new FetchError(
      'unsupported_content',
      `the browser did not render the page (a download?): ${message}`,
      {
        url: context.url,
        cause: error,
      },
    );
  }
  return new FetchError('transient', `the navigation failed: ${message}`, { url: context.url, cause: error });
}

function hostPortOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? 443 : 80)}`;
  } catch {
    return undefined;
  }
}
