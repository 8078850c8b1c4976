import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';

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
  pagesServed: number;
  active: number;
  retired: boolean;
  /** Incognito contexts not in use, with the origins their last fetch visited. */
  idleContexts: IdleContext[];
}

interface IdleContext {
  context: BrowserContext;
  visitedOrigins: ReadonlySet<string>;
}

/**
 * A browser and an incognito context borrowed for one fetch; no other fetch uses the context until it is
 * released. Call release() exactly once, with the origins the fetch visited when it finished normally (the
 * context is kept) or with nothing when it failed (the context is closed).
 */
export interface BrowserLease {
  browser: Browser;
  context: BrowserContext;
  /**
   * Whether the context served an earlier fetch, whose cookies and the storage of `staleOrigins` the
   * borrower must clear before loading anything.
   */
  reused: boolean;
  staleOrigins: ReadonlySet<string>;
  release(kept?: { visitedOrigins: ReadonlySet<string> }): void;
}

/**
 * Owns the one Chromium of this process. Fetches lease it; after `maxPagesPerBrowser` pages the current
 * browser is retired (closed once its last lease is released) and a fresh one launched. A browser that
 * crashed or was disconnected is dropped and replaced on the next lease.
 *
 * Creating an incognito context costs about as much as rendering a small page, so contexts are kept: each
 * lease gets one to itself (idle or new), and the borrower clears what the previous fetch left in it before
 * loading its own page. Concurrent fetches therefore never share a context, and clearing never races one.
 */
export class BrowserHost {
  private current?: Generation;
  private launching?: Promise<Generation>;
  private closed = false;

  constructor(private readonly options: BrowserHostOptions) {}

  async lease(): Promise<BrowserLease> {
    const generation = await this.usableGeneration();
    generation.pagesServed += 1;
    generation.active += 1;
    const idle = generation.idleContexts.pop();
    let context: BrowserContext;
    try {
      context = idle?.context ?? (await generation.browser.createBrowserContext());
    } catch (error) {
      this.finishLease(generation);
      throw error;
    }
    let released = false;
    return {
      browser: generation.browser,
      context,
      reused: idle !== undefined,
      staleOrigins: idle?.visitedOrigins ?? new Set(),
      release: (kept) => {
        if (released) return;
        released = true;
        if (kept && !generation.retired && generation.browser.connected) {
          generation.idleContexts.push({ context, visitedOrigins: kept.visitedOrigins });
        } else {
          void context.close().catch(() => undefined);
        }
        this.finishLease(generation);
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
    const generation: Generation = {
      browser,
      pagesServed: 0,
      active: 0,
      retired: false,
      idleContexts: [],
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
