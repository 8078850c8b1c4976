import { detectBotWall, type BotWall, type HeaderValues } from '../blocked';
import { extractFromHtml, type ExtractedPage } from '../extract';
import type { FetchResult } from './fetch-result';

/** Headers worth keeping from an answer to tell protection vendors apart (values are not secrets of ours). */
const VENDOR_HEADER = /^(?:server|set-cookie|x-cdn|x-iinfo|cf-|x-datadome|x-dd-|x-px|akamai-|x-akamai-)/;

export function vendorHeadersOf(headers: HeaderValues): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !VENDOR_HEADER.test(name.toLowerCase())) continue;
    kept[name.toLowerCase()] = typeof value === 'string' ? value : [...value];
  }
  return kept;
}

/** What of a fetch result the verdict reads (a fetcher asks before it has built the whole result). */
export type FetchedAnswer = Pick<FetchResult, 'status' | 'html' | 'title' | 'renderedText' | 'text'> &
  Partial<Pick<FetchResult, 'vendorHeaders' | 'blocked' | 'notModified'>>;

/**
 * Whether a fetched answer is a bot wall, judged from its status, vendor headers, source and the text a reader
 * sees (the extracted page when the caller has it; otherwise it is extracted here from the HTML).
 */
export function botWallOfFetched(result: FetchedAnswer, page?: ExtractedPage): BotWall | undefined {
  if (result.blocked) return result.blocked;
  if (result.notModified) return undefined;
  const read =
    page ??
    (result.renderedText === undefined && result.html !== undefined
      ? extractFromHtml(result.html)
      : undefined);
  const text = result.renderedText ?? read?.mainText ?? result.text ?? '';
  return detectBotWall({
    status: result.status,
    headers: result.vendorHeaders,
    html: result.html,
    title: result.title ?? read?.title,
    text,
  });
}
