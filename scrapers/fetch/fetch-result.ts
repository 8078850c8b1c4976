import type { BotWall } from '../blocked';
import type { ContentKind } from './content-type';

/**
 * What either fetcher (plain HTTP or Chromium) hands back. 404/410 and other client errors come back here
 * with their status; only failures to get an answer at all are FetchErrors.
 */
export interface FetchResult {
  requestedUrl: string;
  /** After redirects; equals requestedUrl when there were none. */
  finalUrl: string;
  status: number;
  /** The media type without parameters, e.g. `text/html`; empty for a 304. */
  contentType: string;
  kind?: ContentKind;
  /** True for a 304 answer to a conditional GET: nothing else about the page is known. */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  /** Every URL that answered with a redirect, in order, starting with requestedUrl. */
  redirects: string[];
  /** Decoded HTML (HTTP fetcher: as served; browser fetcher: the rendered DOM). */
  html?: string;
  /** Plain text bodies and text extracted from PDFs. */
  text?: string;
  /** The charset the body was decoded with, when it was text. */
  charset?: string;
  /** The raw bytes as received (after content-encoding), for archiving and hashing. */
  body: Buffer;
  /** Browser fetches only: full-page PNG, height capped. */
  screenshot?: Buffer;
  /** Browser fetches only: `document.body.innerText`, so hidden elements are left out. */
  renderedText?: string;
  /** Browser fetches only: `document.title` after scripts ran. */
  title?: string;
  fetchedAt: Date;
  via: 'http' | 'browser';
  /**
   * Set when the answer is a bot wall, challenge or rate-limit page rather than the site's page. 429 and 5xx
   * walls come back here instead of failing; other walls are recognised once the page is read
   * (`botWallOfFetched`).
   */
  blocked?: BotWall;
  /** The response headers that tell bot-protection vendors apart (server, set-cookie, cf-*, x-datadome...). */
  vendorHeaders?: Record<string, string | string[]>;
  /**
   * The HTTP exchange that produced the final answer, as sent and received, so an archive can prove what the
   * server said (evidence captures keep it; WARC records are built from it). Absent when the browser could
   * not hand back the document's body.
   */
  exchange?: HttpExchange;
}

/** One request and its response, headers in the order they came, names as the fetcher saw them. */
export interface HttpExchange {
  method: 'GET';
  requestHeaders: Array<[string, string]>;
  status: number;
  statusText: string;
  responseHeaders: Array<[string, string]>;
  /**
   * The response body as the server sent it, with only the transfer's content-encoding (gzip, br) undone:
   * never decoded to text or rewritten. For the browser fetcher, the main document's body, not the DOM.
   */
  body: Buffer;
}

/** Validators from an earlier fetch of the same URL, for a conditional GET. */
export interface ConditionalHeaders {
  etag?: string;
  lastModified?: string;
}
