import type { Page } from 'puppeteer-core';

/**
 * Clears what a fetched page can leave behind in its incognito context, so the next fetch in that context
 * starts as a fresh one would: every cookie of the context, and per origin the page or its frames requested,
 * local storage, IndexedDB, Cache Storage and service workers (a worker left registered could answer the
 * next fetch of that site). Session storage and the HTTP cache need nothing: session storage dies with the
 * page, and fetch pages run with the cache disabled.
 *
 * It goes through the page's own DevTools session because Storage.clearDataForOrigin acts on the storage
 * partition of the target it is sent to: the page's is its context's.
 */
export async function clearContextState(page: Page, origins: Iterable<string>): Promise<void> {
  const session = await page.createCDPSession();
  try {
    await Promise.all([
      session.send('Network.clearBrowserCookies'),
      ...Array.from(origins, (origin) =>
        session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }),
      ),
    ]);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The origin of an http(s) URL, or undefined for other schemes (data:, blob:, about:). */
export function networkOrigin(url: string): string | undefined {
  if (!url.startsWith('http:') && !url.startsWith('https:')) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
