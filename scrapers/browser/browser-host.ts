import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { clearOriginState } from './context-reset';
import { FetchOrigins, OriginLedger } from './origin-ledger';

export interface BrowserHostOptions {
  executablePath: string;
  /** Every connection Chromium makes goes to this proxy (see EgressProxy). */
  proxyUrl: string;
  /** Recycle the browser after this many pages, to bound memory growth and leaks. */
  maxPagesPerBrowser: number;
  launchTimeoutMs: number;
}

/** Flags every Pledgewatch Chromium gets (common brief), plus the ones that keep its traffic on the proxy. */
export function chromiumArgs(proxyUrl: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    `--proxy-server=${proxyUrl}`,
    // Chromium bypasses proxies for loopback by default; "<-loopback>" removes that implicit rule.
    '--proxy-bypass-list=<-loopback>',
    // WebRTC would otherwise send UDP around the proxy.
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  ];
}

interface Generation {
  browser: Browser;
  /** The one incognito context every fetch of this browser opens its page in. */
  context: BrowserContext;
  ledger: OriginLedger;
  pagesServed: number;
  active: number;
  retired: boolean;
}

/**
 * A browser and its fetch context, borrowed for one fetch. The borrower opens its own page in `context`,
 * reports every origin the page requests to `origins`, and calls release() once, after closing the page:
 * that wipes what the page left behind in origins no other fetch is using. A borrower that could not close
 * its page asks for the browser to be retired instead of trusting it with the next fetch.
 */
export interface BrowserLease {
  browser: Browser;
  context: BrowserContext;
  origins: FetchOrigins;
  release(options?: { retireBrowser?: boolean }): Promise<void>;
}

/**
 * Owns the one Chromium of this process. Fetches lease it; after `maxPagesPerBrowser` pages the current
 * browser is retired (closed once its last lease is released) and a fresh one launched. A browser that
 * crashed or was disconnected is dropped and replaced on the next lease.
 *
 * Every fetch gets a fresh page in one shared incognito context (see OriginLedger for why not a context
 * each). The state a page leaves is wiped through a blank page kept open in that context for the purpose:
 * Storage.clearDataForOrigin acts on the storage of the target it is sent to, and the fetch's own page may
 * be gone (or still running scripts that would write again).
 */
export class BrowserHost {
  private current?: Generation;
  private launching?: Promise<Generation>;
  private closed = false;

  constructor(private readonly options: BrowserHostOptions) {}

  /** @param origin where the fetch will navigate first: a wipe of that origin's earlier state finishes first. */
  async lease(origin: string): Promise<BrowserLease> {
    const generation = await this.usableGeneration();
    generation.pagesServed += 1;
    generation.active += 1;
    const origins = new FetchOrigins(generation.ledger);
    await origins.enter(origin);
    let released: Promise<void> | undefined;
    return {
      browser: generation.browser,
      context: generation.context,
      origins,
      release: (options) => {
        if (options?.retireBrowser) this.retire(generation);
        released ??= origins.release().finally(() => this.finishLease(generation));
        return released;
      },
    };
  }

  /** The Chromium process id, for operators and crash tests. */
  pid(): number | undefined {
    return this.current?.browser.process()?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    const generation = this.current ?? (await this.launching?.catch(() => undefined));
    this.current = undefined;
    if (generation) await closeQuietly(generation.browser);
  }

  private async usableGeneration(): Promise<Generation> {
    if (this.closed) throw new Error('the browser host is closed');
    const current = this.current;
    if (current && current.browser.connected && current.pagesServed < this.options.maxPagesPerBrowser)
      return current;
    if (current) this.retire(current);
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    return this.launching;
  }

  private finishLease(generation: Generation): void {
    generation.active -= 1;
    if (generation.retired && generation.active === 0) void closeQuietly(generation.browser);
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    if (this.current === generation) this.current = undefined;
    if (generation.active === 0 || !generation.browser.connected) void closeQuietly(generation.browser);
  }

  private async launch(): Promise<Generation> {
    const browser = await puppeteer.launch({
      executablePath: this.options.executablePath,
      headless: true,
      args: chromiumArgs(this.options.proxyUrl),
      timeout: this.options.launchTimeoutMs,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    let context: BrowserContext;
    let wipe: (origin: string) => Promise<void>;
    try {
      context = await browser.createBrowserContext();
      const janitor = await (await context.newPage()).createCDPSession();
      wipe = (origin) => clearOriginState(janitor, origin);
    } catch (error) {
      await closeQuietly(browser);
      throw error;
    }
    const generation: Generation = {
      browser,
      context,
      ledger: new OriginLedger(wipe),
      pagesServed: 0,
      active: 0,
      retired: false,
    };
    browser.once('disconnected', () => {
      if (this.current === generation) this.current = undefined;
    });
    if (this.closed) {
      await closeQuietly(browser);
      throw new Error('the browser host is closed');
    }
    this.current = generation;
    return generation;
  }
}

async function closeQuietly(browser: Browser): Promise<void> {
  try {
    await browser.close();
  } catch {
    // Already gone (crashed or killed): make sure the process is too.
    browser.process()?.kill('SIGKILL');
  }
}
