import { FetchError } from './fetch-error';
import { parseFetchUrl } from '../net/url-policy';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const DEFAULT_MAX_REDIRECTS = 10;

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/**
 * The next URL of a redirect chain, refused when the Location is missing, not http(s), a loop, or one hop too
 * many. The hop's address is vetted again when the fetcher connects to it, like the first request.
 */
export function nextHop(
  current: URL,
  location: string | undefined,
  visited: readonly string[],
  maxRedirects: number,
): URL {
  if (!location) {
    throw new FetchError('invalid_url', 'a redirect came without a Location header', { url: current.href });
  }
  const next = parseFetchUrl(location, current);
  next.hash = '';
  if (visited.length > maxRedirects) {
    throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects`, { url: visited[0] });
  }
  if (visited.includes(next.href)) {
    throw new FetchError('too_many_redirects', `redirect loop back to ${next.href}`, { url: visited[0] });
  }
  return next;
}
