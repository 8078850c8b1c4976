import { FetchError } from '../fetch/fetch-error';
import { classifyAddress } from './address-policy';
import type { Allowlist } from './allowlist';

const FETCHABLE_SCHEMES = new Set(['http:', 'https:']);

/**
 * Parses a URL a watch or evidence item wants fetched, refusing anything but http(s).
 * WHATWG parsing already turns odd IPv4 spellings (2130706433, 0x7f.1, 0177.0.0.1, 127.1) into dotted quads,
 * so the literal check below sees the real address; the connection-time check is still the one that counts.
 */
export function parseFetchUrl(input: string, base?: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new FetchError('invalid_url', `"${truncate(input)}" is not a valid URL`, {
      url: input,
      cause: error,
    });
  }
  if (!FETCHABLE_SCHEMES.has(url.protocol)) {
    throw new FetchError('blocked', `the ${url.protocol} scheme is not fetched; only http: and https: are`, {
      url: truncate(url.href),
    });
  }
  if (url.username || url.password) {
    throw new FetchError('invalid_url', 'URLs with embedded credentials are not fetched', {
      url: url.origin,
    });
  }
  return url;
}

export function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Refuses an IP-literal host early (before any connection) when it is not public and not allow-listed. */
export function vetLiteralHost(url: URL, allowlist: Allowlist): void {
  const verdict = classifyAddress(url.hostname);
  if (!verdict || verdict.isPublic) return;
  const port = defaultPort(url);
  if (allowlist.allows(verdict.address, port)) return;
  throw new FetchError('blocked', refusalReason(verdict.address, verdict.range, port), { url: url.href });
}

export function refusalReason(address: string, range: string, port: number): string {
  return `${address} (${range}) port ${port} is not a public address and is not in FETCH_ALLOWLIST`;
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
