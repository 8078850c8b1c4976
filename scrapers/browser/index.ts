export { BrowserFetcher, type BrowserFetcherOptions, type BrowserFetchOptions } from './browser-fetcher';
export { chromiumArgs } from './browser-host';
export { pngSize } from './capped-screenshot';
