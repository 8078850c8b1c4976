import { foldForMatch } from '../lexicon/fold';
import {
  GENERIC_WALL_PHRASES,
  VENDORS,
  WALL_MAX_SOURCE_CHARS,
  WALL_MAX_TEXT_CHARS,
  type BotWallVendor,
} from './bot-wall-markers';

export type { BotWallVendor } from './bot-wall-markers';

/** A page that a bot-protection or rate-limit layer served instead of the site's own page. */
export interface BotWall {
  vendor: BotWallVendor;
  /** Which signals decided it, for the check's history and logs. */
  reason: string;
}

export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What is known about an answer: the more of it, the surer the verdict (the compare CLI has only HTML). */
export interface BotWallEvidence {
  status?: number;
  headers?: HeaderValues;
  /** The page source, when there is one. */
  html?: string;
  title?: string;
  /** The text a reader sees (main text or innerText). */
  text: string;
}

/** A page with less text than this is an empty shell around scripts, whatever it is. */
const EMPTY_SHELL_CHARS = 200;
const GONE_STATUSES = new Set([404, 410]);

function headerList(headers: HeaderValues | undefined, name: string): string[] {
  const value = headers?.[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function cookieNames(headers: HeaderValues | undefined): string[] {
  return headerList(headers, 'set-cookie').map((cookie) => cookie.split('=')[0].trim().toLowerCase());
}

/** The vendor whose headers, cookies or server name the answer carries (present on ordinary pages too). */
function vendorFromHeaders(headers: HeaderValues | undefined): BotWallVendor | undefined {
  if (!headers) return undefined;
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  const cookies = cookieNames(headers);
  const server = headerList(headers, 'server').join(' ');
  const cdn = headerList(headers, 'x-cdn').join(' ');
  for (const markers of VENDORS) {
    if (markers.headers.some((name) => names.includes(name))) return markers.vendor;
    if (cookies.some((cookie) => markers.cookies.some((prefix) => cookie.startsWith(prefix))))
      return markers.vendor;
    if (markers.servers.test(server) || markers.servers.test(cdn)) return markers.vendor;
  }
  if (names.includes('cf-ray')) return 'cloudflare';
  return undefined;
}

function firstVendor(folded: string, which: 'text' | 'source'): BotWallVendor | undefined {
  return VENDORS.find((markers) => markers[which].test(folded))?.vendor;
}

function genericPhrases(folded: string): number {
  return folded.match(GENERIC_WALL_PHRASES)?.length ?? 0;
}

/**
 * Recognises a bot wall, challenge or rate-limit page from everything known about the answer. Only short pages
 * qualify (walls say one thing), except an answer Cloudflare marks `cf-mitigated` or any 429, which are walls
 * whatever their length. A page served 200 needs a vendor's own wording, or generic challenge wording in its
 * title or twice in its text, so a statement that mentions a captcha once stays a statement.
 */
export function detectBotWall(evidence: BotWallEvidence): BotWall | undefined {
  const { status, headers } = evidence;
  if (status !== undefined && GONE_STATUSES.has(status)) return undefined;
  const headerVendor = vendorFromHeaders(headers);
  if (headerList(headers, 'cf-mitigated').some((value) => /challenge|block/i.test(value))) {
    return { vendor: 'cloudflare', reason: 'Cloudflare marked the answer cf-mitigated' };
  }
  // Folding a long statement only to find it too long for a wall would cost every comparison.
  if (status !== 429 && evidence.text.length > 2 * WALL_MAX_TEXT_CHARS) return undefined;
  const text = foldForMatch(evidence.text);
  const title = foldForMatch(evidence.title ?? '');
  if (status === 429) {
    const vendor = headerVendor ?? firstVendor(`${title}\n${text}`, 'text') ?? 'rate_limit';
    return { vendor, reason: 'the server answered 429 Too Many Requests' };
  }
  if (text.length > WALL_MAX_TEXT_CHARS) return undefined;
  const seen = `${title}\n${text}`;
  const textVendor = firstVendor(seen, 'text');
  const phrases = genericPhrases(seen);
  const titlePhrase = genericPhrases(title) > 0;
  // An empty shell is read in its source: the wall's words may sit in a noscript or a frame's fallback.
  const source =
    text.length < EMPTY_SHELL_CHARS && evidence.html
      ? foldForMatch(evidence.html.slice(0, WALL_MAX_SOURCE_CHARS))
      : undefined;
  const sourceVendor = source === undefined ? undefined : firstVendor(source, 'source');
  const refused = status !== undefined && status >= 400;
  const vendor = textVendor ?? headerVendor ?? sourceVendor;
  const label = status === undefined ? 'the page' : `an HTTP ${status} page`;
  if (textVendor) return { vendor: textVendor, reason: `${label} with ${textVendor}'s challenge wording` };
  if (refused && phrases > 0) {
    return { vendor: vendor ?? 'generic', reason: `${label} with challenge or block wording` };
  }
  if (phrases >= 2 || titlePhrase) {
    return { vendor: vendor ?? 'generic', reason: `${label} reading as a challenge or block page` };
  }
  if (!vendor && source !== undefined && genericPhrases(source) > 0) {
    return {
      vendor: 'generic',
      reason: `${label} with no text but challenge or block wording in its source`,
    };
  }
  if (sourceVendor) {
    return { vendor: sourceVendor, reason: `${label} that is little more than ${sourceVendor}'s script` };
  }
  // A 503 from behind a CDN is as often the origin down for maintenance: that needs the vendor's wording.
  if (headerVendor && (status === 401 || status === 403)) {
    return { vendor: headerVendor, reason: `${label} from ${headerVendor} with almost no text` };
  }
  return undefined;
}
