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
  /** Bytes as served, for what the browser does not render (PDF, plain text). */
  body?: Buffer;
  fetchedAt: Date;
}

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
    body: result.html === undefined ? result.body : undefined,
    fetchedAt: result.fetchedAt,
  };
}

function mainText(result: FetchResult): string {
  return extractFetched(result)?.mainText ?? '';
}
