import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import { networkOrigin } from './context-reset';
import type { FetchOrigins } from './origin-ledger';

/** Resource types a watch never needs: they only cost bandwidth and time (DESIGN.md, monitoring step 2). */
const BLOCKED_RESOURCE_TYPES = new Set(['image', 'font', 'media']);
const NETWORK_SCHEMES = new Set(['http:', 'https:']);
/** In-memory schemes are harmless for subresources but never a place to navigate to. */
const LOCAL_SUBRESOURCE_SCHEMES = new Set(['data:', 'blob:']);

export interface PageFilterState {
  /** The last URL the main frame tried to navigate to, to explain a failed navigation. */
  lastMainNavigation?: string;
  /** The last document response of the main frame: differs from goto's when the page navigated itself. */
  lastMainResponse?: HTTPResponse;
  /** Requests the filter aborted (type or scheme), for diagnostics. */
  aborted: number;
}

/**
 * Request interception for a fetch page: drops images, fonts and media, and any request or navigation to a
 * scheme other than http(s). Network addresses are not judged here: the egress proxy does that for every
 * connection, including ones this filter never sees (workers, preloads). Every origin the page or its frames
 * request goes to `origins`: where the page may leave state behind.
 */
export async function installPageFilter(page: Page, origins: FetchOrigins): Promise<PageFilterState> {
  const state: PageFilterState = { aborted: 0 };
  await page.setRequestInterception(true);
  page.on('request', (request) => void decide(page, request, state, origins));
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      state.lastMainResponse = response;
  });
  return state;
}

async function decide(
  page: Page,
  request: HTTPRequest,
  state: PageFilterState,
  origins: FetchOrigins,
): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  const navigation = request.isNavigationRequest();
  if (navigation && request.frame() === page.mainFrame()) state.lastMainNavigation = url;
  const scheme = schemeOf(url);
  const allowed =
    !BLOCKED_RESOURCE_TYPES.has(request.resourceType()) &&
    (NETWORK_SCHEMES.has(scheme) || (!navigation && LOCAL_SUBRESOURCE_SCHEMES.has(scheme)));
  const origin = allowed ? networkOrigin(url) : undefined;
  if (origin) origins.touch(origin);
  try {
    if (allowed) {
      await request.continue();
    } else {
      state.aborted += 1;
      await request.abort('blockedbyclient');
    }
  } catch {
    // The page or browser went away mid-decision; the fetch itself reports that.
  }
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon < 0 ? '' : url.slice(0, colon + 1).toLowerCase();
}
