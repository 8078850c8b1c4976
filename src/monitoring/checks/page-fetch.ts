import {
  botWallOfFetched,
  extractFetched,
  isFetchError,
  type BotWall,
  type ExtractedPage,
  type FetchResult,
} from '../../../scrapers';
import type { Fetchers } from '../../platform/fetching/fetchers.provider';
import type { Watch } from '../watches/watch.entity';

export interface FetchedPage {
  result: FetchResult;
  /** Undefined for a 304 (nothing to read) and for a bot wall. */
  page?: ExtractedPage;
  /** Set when the answer was a bot wall, challenge or rate-limit page instead of the site's page. */
  wall?: BotWall;
}

/**
 * Plain HTTP first (a conditional GET with the watch's validators); Chromium when the watch needs it, when
 * the served HTML has no main text (a page built by scripts), or when plain HTTP met a bot wall (a real
 * browser passes many challenges). FetchErrors propagate to the caller.
 */
export async function fetchWatchedPage(fetchers: Fetchers, watch: Watch): Promise<FetchedPage> {
  const selector = watch.selector ?? undefined;
  if (!watch.needsBrowser) {
    const validators = { etag: watch.etag ?? undefined, lastModified: watch.lastModified ?? undefined };
    const result = await fetchers.http.fetch(watch.url, validators);
    if (result.notModified) return { result };
    const read = readFetched(result, selector);
    if (read.wall) return fetchPastWall(fetchers, watch, read);
    const { page } = read;
    if (!page || page.mainText.trim().length > 0 || result.kind !== 'html' || result.status >= 400) {
      return read;
    }
  }
  return readFetched(await fetchers.browser.fetch(watch.url), selector);
}

function readFetched(result: FetchResult, selector: string | undefined): FetchedPage {
  const page = result.blocked ? undefined : extractFetched(result, { selector });
  // A selector scopes the page to a part a wall does not have: the wall is judged on the whole answer.
  const wall = botWallOfFetched(result, selector ? undefined : page);
  return wall ? { result, wall } : { result, page };
}

/** The browser's answer when it gets past the wall or meets one too; the HTTP wall if the browser fails. */
async function fetchPastWall(fetchers: Fetchers, watch: Watch, walled: FetchedPage): Promise<FetchedPage> {
  try {
    return readFetched(await fetchers.browser.fetch(watch.url), watch.selector ?? undefined);
  } catch (error) {
    if (isFetchError(error)) return walled;
    throw error;
  }
}
