import { extractFetched, FetchError, type FetchResult } from '../../../scrapers';
import type { Fetchers } from '../../platform/fetching/fetchers.provider';

/** What a capture keeps of a page, before it is stored. */
export interface CapturedPage {
  finalUrl: string;
  status: number;
  contentType: string;
  /** The rendered DOM (pages only). */
  html?: string;
  /** Main text, as a reviewer reads it; link checks compare its hash. */
  text: string;
  screenshot?: Buffer;
  /**
   * The original: the response body as the server sent it (content-encoding undone, nothing decoded or
   * rewritten), for pages the main document's. Absent when the browser could not vouch for it.
   */
  body?: Buffer;
  /** The request and response line and headers of that answer, for the capture's WARC. */
  exchange?: RecordedExchange;
  fetchedAt: Date;
}

/** What a capture keeps of the HTTP exchange besides the body (which goes to the blob store). */
export type RecordedExchange = Omit<NonNullable<FetchResult['exchange']>, 'body'>;

/**
 * Archives a URL as a person saw it: rendered in Chromium with a screenshot. What Chromium does not render
 * as a page (a PDF report, a plain-text file) is fetched over plain HTTP and kept as served.
 * 404/410 and other client errors come back as pages with their status; the caller decides what they mean.
 */
export async function takeCapture(fetchers: Fetchers, url: string): Promise<CapturedPage> {
  try {
    return fromBrowser(notWalled(await fetchers.browser.fetch(url)));
  } catch (error) {
    if (!(error instanceof FetchError) || error.kind !== 'unsupported_content') throw error;
    return fromHttp(notWalled(await fetchers.http.fetch(url)));
  }
}

/**
 * A bot wall or rate-limit page (the fetchers return 429s and walled 5xx as results since issue 16) is not
 * what the source said: a transient failure, retried like the 429s and 5xx it used to be.
 */
function notWalled(result: FetchResult): FetchResult {
  if (!result.blocked) return result;
  const reason = `blocked by ${result.blocked.vendor}: ${result.blocked.reason}`;
  throw new FetchError('transient', reason, { url: result.finalUrl, status: result.status });
}

function fromBrowser(result: FetchResult): CapturedPage {
  return {
    finalUrl: result.finalUrl,
    status: result.status,
    contentType: result.contentType,
    html: result.html,
    text: mainText(result),
    screenshot: result.screenshot,
    ...original(result.exchange),
    fetchedAt: result.fetchedAt,
  };
}

function fromHttp(result: FetchResult): CapturedPage {
  return {
    finalUrl: result.finalUrl,
    status: result.status,
    contentType: result.contentType,
    html: result.html,
    text: mainText(result),
    ...original(result.exchange),
    fetchedAt: result.fetchedAt,
  };
}

function original(exchange: FetchResult['exchange']): Pick<CapturedPage, 'body' | 'exchange'> {
  if (!exchange) return {};
  const { body, ...recorded } = exchange;
  return { body, exchange: recorded };
}

function mainText(result: FetchResult): string {
  return extractFetched(result)?.mainText ?? '';
}
