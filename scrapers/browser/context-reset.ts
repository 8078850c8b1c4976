import type { CDPSession } from 'puppeteer-core';

/**
 * Wipes what pages left behind for one origin in the context of `session`'s target: cookies (those that
 * would be sent to the origin), local storage, IndexedDB, Cache Storage and service workers (a worker left
 * registered could answer the next fetch of that site). Session storage needs nothing (it dies with the
 * page), nor does the HTTP cache (fetch pages run with it disabled).
 */
export async function clearOriginState(session: CDPSession, origin: string): Promise<void> {
  await session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
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
