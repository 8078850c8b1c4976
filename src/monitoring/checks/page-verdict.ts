import { looksLikeSoft404, type ExtractedPage, type FetchResult } from '../../../scrapers';

export interface GoneVerdict {
  reason: string;
  /** The status the page answered with, when that is what says it is gone. */
  status: number | null;
}

const GONE_STATUSES = new Set([404, 410]);

/**
 * Whether the watched page is gone: a 404/410, a "not found" page served as 200 (soft-404), or a redirect
 * to the site's home page (how many sites retire a page). A finding, not a failure: it raises one flag.
 */
export function pageGoneVerdict(
  result: FetchResult,
  page: ExtractedPage | undefined,
  previous: ExtractedPage | undefined,
): GoneVerdict | undefined {
  if (GONE_STATUSES.has(result.status)) {
    return { reason: `the page answers HTTP ${result.status}`, status: result.status };
  }
  if (redirectedHome(result)) {
    return { reason: `the page now redirects to the home page ${result.finalUrl}`, status: null };
  }
  // A page that always read like that (a short notice page) is not gone because it still does.
  if (page && looksLikeSoft404(page) && !(previous && looksLikeSoft404(previous)))
    return { reason: 'the page now reads as "not found"', status: null };
  return undefined;
}

function redirectedHome(result: FetchResult): boolean {
  if (result.finalUrl === result.requestedUrl) return false;
  const requested = new URL(result.requestedUrl);
  const final = new URL(result.finalUrl);
  const isHome = (url: URL) => url.pathname === '/' || /^\/[a-z]{2}(-[a-z]{2})?\/?$/i.test(url.pathname);
  return isHome(final) && !isHome(requested) && sameSite(requested.hostname, final.hostname);
}

/** www.example.com and example.com are one site; a redirect to another site is a move, not a retirement. */
function sameSite(a: string, b: string): boolean {
  const bare = (host: string) => host.replace(/^www\./, '');
  return bare(a) === bare(b);
}
