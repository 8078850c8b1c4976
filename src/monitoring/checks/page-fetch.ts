import { extractFetched, type ExtractedPage, type FetchResult } from '../../../scrapers';
import type { Fetchers } from '../../platform/fetching/fetchers.provider';
import type { Watch } from '../watches/watch.entity';

export interface FetchedPage {
  result: FetchResult;
  /** Undefined for a 304 (nothing to read). */
  page?: ExtractedPage;
}

/**
 * Plain HTTP first (a conditional GET with the watch's validators); Chromium when the watch needs it or
 * the served HTML has no main text (a page built by scripts). FetchErrors propagate to the caller.
 */
export async function fetchWatchedPage(fetchers: Fetchers, watch: Watch): Promise<FetchedPage> {
  const selector = watch.selector ?? undefined;
  if (!watch.needsBrowser) {
    const validators = { etag: watch.etag ?? undefined, lastModified: watch.lastModified ?? undefined };
    const result = await fetchers.http.fetch(watch.url, validators);
    if (result.notModified) return { result };
    const page = extractFetched(result, { selector });
    if (!page || page.mainText.trim().length > 0 || result.kind !== 'html' || result.status >= 400) {
      return { result, page };
    }
  }
  const result = await fetchers.browser.fetch(watch.url);
  return { result, page: extractFetched(result, { selector }) };
}
