import type { Browser, HTTPResponse, Page, PuppeteerLifeCycleEvent } from 'puppeteer-core';
import { botWallOfFetched, vendorHeadersOf } from '../fetch/bot-wall-of-fetched';
import { contentKindOf, parseContentType } from '../fetch/content-type';
import { FetchError } from '../fetch/fetch-error';
import { DEFAULT_MAX_REDIRECTS } from '../fetch/redirects';
import type { FetchResult } from '../fetch/fetch-result';
import { EgressGuard, type HostResolver } from '../net/egress-guard';
import { EGRESS_KIND_HEADER, EGRESS_REASON_HEADER, EgressProxy } from '../net/egress-proxy';
import { defaultPort, parseFetchUrl, vetLiteralHost } from '../net/url-policy';
import { BrowserHost, type BrowserLease } from './browser-host';
import { cappedScreenshot } from './capped-screenshot';
import { removeConsentPrompts } from './consent-removal';
import { DocumentBodyTap } from './document-body-tap';
import { documentExchange } from './document-exchange';
import { navigationFailure } from './navigation-errors';
import { installPageFilter, type PageFilterState } from './page-filter';

const PAGE_CLOSE_TIMEOUT_MS = 5000;

export interface BrowserFetcherOptions {
  /** CHROMIUM_PATH from the config. */
  executablePath?: string;
  /** FETCH_ALLOWLIST entries (host:port). */
  allowlist?: readonly string[];
  resolver?: HostResolver;
  maxPagesPerBrowser?: number;
  navigationTimeoutMs?: number;
  /** The whole fetch: lease, navigation, extraction and screenshot. */
  fetchTimeoutMs?: number;
  /** When navigation counts as done; `networkidle2` lets script-loaded content arrive. */
  waitUntil?: PuppeteerLifeCycleEvent;
  screenshotMaxHeight?: number;
  viewport?: { width: number; height: number };
  userAgent?: string;
}

export interface BrowserFetchOptions {
  /** Skip the screenshot when only the text is wanted (monitor checks without evidence capture). */
  screenshot?: boolean;
}

/**
 * Renders pages in Chromium for watches that need JavaScript and for evidence captures. One instance per
 * process: it owns the browser (through BrowserHost) and the egress proxy every browser connection uses.
 * Each fetch gets a fresh page in the browser's incognito fetch context; what the page leaves behind is wiped
 * once no other fetch uses its origins (BrowserHost, OriginLedger), so a fetch starts as a first visit would.
 */
export class BrowserFetcher {
  private readonly guard: EgressGuard;
  private readonly proxy: EgressProxy;
  private readonly executablePath: string;
  private host?: BrowserHost;
  private started?: Promise<BrowserHost>;
  /** Settles when the last screenshot asked for is taken (or failed): see screenshotOf. */
  private screenshotTurn: Promise<void> = Promise.resolve();
  private readonly settings: Required<
    Omit<BrowserFetcherOptions, 'allowlist' | 'resolver' | 'executablePath' | 'userAgent'>
  > & {
    userAgent?: string;
  };

  constructor(options: BrowserFetcherOptions = {}) {
    this.guard = new EgressGuard({ allowlist: options.allowlist, resolver: options.resolver });
    this.proxy = new EgressProxy(this.guard);
    this.settings = {
      maxPagesPerBrowser: options.maxPagesPerBrowser ?? 50,
      navigationTimeoutMs: options.navigationTimeoutMs ?? 30_000,
      fetchTimeoutMs: options.fetchTimeoutMs ?? 60_000,
      waitUntil: options.waitUntil ?? 'networkidle2',
      screenshotMaxHeight: options.screenshotMaxHeight ?? 8000,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      userAgent: options.userAgent,
    };
    this.executablePath = options.executablePath ?? '/usr/bin/chromium';
  }

  /** Connection failures the egress proxy recorded (refusals included), newest last. */
  get egressFailures(): EgressProxy['failures'] {
    return this.proxy.failures;
  }

  get proxyPort(): number {
    return this.proxy.port;
  }

  browserPid(): number | undefined {
    return this.host?.pid();
  }

  async fetch(url: string, options: BrowserFetchOptions = {}): Promise<FetchResult> {
    const requested = parseFetchUrl(url);
    vetLiteralHost(requested, this.guard.allowlist);
    // A clear refusal up front; the proxy vets again (and is the check that counts) when Chromium connects.
    await this.guard.resolve(requested.hostname, defaultPort(requested)).catch((error: unknown) => {
      throw error instanceof FetchError ? error.withUrl(requested.href) : error;
    });
    const host = await this.start();
    const lease = await host.lease(requested.origin);
    const opened = lease.context.newPage({ background: true });
    const work = opened.then(async (page) => {
      const { filter, tap } = await this.prepare(page, lease);
      return this.render(page, { filter, tap }, requested, options);
    });
    try {
      return await this.withDeadline(lease.browser, requested.href, work);
    } finally {
      // Closing the page ends its scripts and requests, so nothing writes again once its origins are wiped.
      // A page that cannot be closed (a wedged renderer) takes its browser with it.
      const closed = await closeWithin(opened, PAGE_CLOSE_TIMEOUT_MS);
      await lease.release({ retireBrowser: !closed && lease.browser.connected });
    }
  }

  async close(): Promise<void> {
    await this.host?.close();
    await this.proxy.close();
  }

  /** The proxy starts first: Chromium's launch flags need its port. The browser itself launches on first lease. */
  private start(): Promise<BrowserHost> {
    this.started ??= this.proxy.start().then(() => {
      this.host = new BrowserHost({
        executablePath: this.executablePath,
        proxyUrl: this.proxy.url,
        maxPagesPerBrowser: this.settings.maxPagesPerBrowser,
        launchTimeoutMs: 30_000,
      });
      return this.host;
    });
    return this.started;
  }

  /**
   * Readies a fresh page: filters requests (and records their origins), turns the HTTP cache off, so the
   * shared context never serves a watched page from an earlier fetch's cache, and makes the page count as
   * focused. The pages are tabs of one window, and a tab behind another is hidden: its requestAnimationFrame
   * callbacks never run (content drawn by them never appears), pages that wait to be visible never render,
   * and a screenshot waits for a frame that never comes. A focused page is painted as if in front. (A window
   * per page would do the same at twice the CPU per page.)
   */
  private async prepare(page: Page, lease: BrowserLease): Promise<PageWatchers> {
    // A page that opens alert()/confirm()/print dialogs would otherwise stall until the fetch times out.
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    const [filter, tap] = await Promise.all([
      installPageFilter(page, lease.origins),
      DocumentBodyTap.install(page),
      page.setCacheEnabled(false),
      page.emulateFocusedPage(true),
      page.setViewport(this.settings.viewport),
      this.settings.userAgent ? page.setUserAgent(this.settings.userAgent) : undefined,
    ]);
    return { filter, tap };
  }

  private async render(
    page: Page,
    { filter, tap }: PageWatchers,
    requested: URL,
    options: BrowserFetchOptions,
  ): Promise<FetchResult> {
    const since = new Date();
    let response: HTTPResponse | null;
    try {
      response = await page.goto(requested.href, {
        waitUntil: this.settings.waitUntil,
        timeout: this.settings.navigationTimeoutMs,
      });
    } catch (error) {
      throw this.explain(error, page, requested, since, filter);
    }
    if (!response)
      throw new FetchError('transient', 'the navigation produced no response', { url: requested.href });
    this.refuseProxyAnswer(response, requested);
    // The page may have navigated itself (script, meta refresh) to somewhere the proxy refused.
    if (filter.lastMainResponse) this.refuseProxyAnswer(filter.lastMainResponse, requested);
    if (page.url().startsWith('chrome-error:')) {
      throw this.explain(
        new Error(`the page ended on an error page after ${filter.lastMainNavigation ?? 'a navigation'}`),
        page,
        requested,
        since,
        filter,
      );
    }
    return this.collect(page, filter.lastMainResponse ?? response, tap, requested, options);
  }

  private async collect(
    page: Page,
    response: HTTPResponse,
    tap: DocumentBodyTap,
    requested: URL,
    options: BrowserFetchOptions,
  ): Promise<FetchResult> {
    const status = response.status();
    const declared = parseContentType(response.headers()['content-type']);
    const kind = contentKindOf(declared, new Uint8Array());
    if (kind !== 'html' && kind !== 'text') {
      const what = declared?.mediaType ?? 'an undeclared type';
      throw new FetchError('unsupported_content', `the browser fetcher renders HTML and text, not ${what}`, {
        url: requested.href,
        status,
      });
    }
    const redirects = response
      .request()
      .redirectChain()
      .map((request) => request.url());
    if (redirects.length > DEFAULT_MAX_REDIRECTS) {
      throw new FetchError('too_many_redirects', `more than ${DEFAULT_MAX_REDIRECTS} redirects`, {
        url: requested.href,
      });
    }
    await removeConsentPrompts(page);
    const html = await page.content();
    const { renderedText, title, charset } = await page.evaluate(() => ({
      renderedText: document.body ? document.body.innerText : '',
      title: document.title,
      charset: document.characterSet,
    }));
    const exchange = await documentExchange(response, tap.bodyOf(response.url()), charset);
    const headers = response.headers();
    const read = { status, html, renderedText, title, vendorHeaders: vendorHeadersOf(headers) };
    const blocked = botWallOfFetched(read);
    // A 429 or 5xx that is not a wall is the site failing for now: retried like any transient failure.
    if ((status >= 500 || status === 429) && !blocked) {
      throw new FetchError('transient', `the server answered ${status}`, { url: requested.href, status });
    }
    const screenshot = options.screenshot === false || blocked ? undefined : await this.screenshotOf(page);
    return {
      blocked,
      vendorHeaders: read.vendorHeaders,
      requestedUrl: requested.href,
      finalUrl: page.url(),
      status,
      contentType: declared?.mediaType ?? 'text/html',
      kind,
      notModified: false,
      etag: headers.etag,
      lastModified: headers['last-modified'],
      redirects,
      html,
      body: Buffer.from(html, 'utf8'),
      renderedText,
      title,
      screenshot,
      fetchedAt: new Date(),
      via: 'browser',
      exchange,
    };
  }

  /**
   * A focused tab behind another runs its scripts and lays out as if in front, but its screenshots wait long
   * for frames, and every page.close() in the context waits for the context's screenshots. So screenshots
   * take turns, each bringing its tab to the front first (Puppeteer serialises a context's screenshots
   * anyway).
   */
  private async screenshotOf(page: Page): Promise<Buffer> {
    const previous = this.screenshotTurn;
    let done!: () => void;
    this.screenshotTurn = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      await page.bringToFront();
      return await cappedScreenshot(page, this.settings.screenshotMaxHeight);
    } finally {
      done();
    }
  }

  /** The proxy answers a refused plain-HTTP navigation itself; that answer must not pass for the site's. */
  private refuseProxyAnswer(response: HTTPResponse, requested: URL): void {
    const kind = response.headers()[EGRESS_KIND_HEADER];
    if (!kind) return;
    const reason = decodeURIComponent(
      response.headers()[EGRESS_REASON_HEADER] ?? 'refused by the egress proxy',
    );
    throw new FetchError(kind as FetchError['kind'], reason, { url: requested.href });
  }

  private explain(
    error: unknown,
    page: Page,
    requested: URL,
    since: Date,
    filter: PageFilterState,
  ): FetchError {
    return navigationFailure(error, {
      url: requested.href,
      proxy: this.proxy,
      since,
      lastNavigation: filter.lastMainNavigation,
      browserAlive: page.browser().connected,
    });
  }

  /** Fails the fetch when it overruns, or at once when the browser dies under it (transient either way). */
  private withDeadline<T>(browser: Browser, url: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onDisconnect: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new FetchError(
              'transient',
              `the browser fetch took longer than ${this.settings.fetchTimeoutMs} ms`,
              { url },
            ),
          ),
        this.settings.fetchTimeoutMs,
      );
      onDisconnect = () =>
        reject(new FetchError('transient', 'the browser crashed or was closed during the fetch', { url }));
      if (!browser.connected) onDisconnect();
      browser.once('disconnected', onDisconnect);
    });
    work.catch(() => undefined);
    stop.catch(() => undefined);
    return Promise.race([work, stop]).finally(() => {
      clearTimeout(timer);
      if (onDisconnect) browser.off('disconnected', onDisconnect);
    });
  }
}

/** What watches a fetch page: the request filter and the tap that keeps the document's bytes. */
interface PageWatchers {
  filter: PageFilterState;
  tap: DocumentBodyTap;
}

/** Closes the page once it is open; false if it did not open or close in time. */
async function closeWithin(opened: Promise<Page>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const close = opened.then((page) => page.close().then(() => true)).catch(() => false);
  try {
    return await Promise.race([close, late]);
  } finally {
    clearTimeout(timer);
  }
}
