/**
 * Which origins the fetches now in flight have touched, so that what a page leaves behind (cookies, storage,
 * service workers) is wiped as soon as no fetch is using its origin any more, and before the next fetch of
 * that origin begins.
 *
 * All fetches of a browser share one incognito context: a context of its own per fetch costs a new renderer
 * process each time, three times the work of the page itself (bench/scrapers-fetch.bench.ts). The price is
 * that two fetches of the same origin running at the same moment see each other's cookies, as two tabs would;
 * a fetch that starts after every other fetch of its origin has finished starts clean.
 */
export class OriginLedger {
  private readonly users = new Map<string, number>();
  private readonly clearing = new Map<string, Promise<void>>();

  /** @param clear wipes one origin's state; failures are the caller's to swallow (the browser may be gone). */
  constructor(private readonly clear: (origin: string) => Promise<void>) {}

  /**
   * A fetch starts using an origin it is about to load, once any wipe of the origin's earlier state is done
   * (the check and the count happen in one turn, so no wipe can start between them).
   */
  async enter(origin: string): Promise<void> {
    for (let wipe = this.clearing.get(origin); wipe; wipe = this.clearing.get(origin)) await wipe;
    this.acquire(origin);
  }

  /** A fetch starts using an origin (a subresource's: loading already). Each fetch counts an origin once. */
  acquire(origin: string): void {
    this.users.set(origin, (this.users.get(origin) ?? 0) + 1);
  }

  /** A fetch is done with its origins: those no other fetch uses are wiped, and this resolves when they are. */
  async release(origins: Iterable<string>): Promise<void> {
    const wipes: Array<Promise<void>> = [];
    for (const origin of origins) {
      const left = (this.users.get(origin) ?? 1) - 1;
      if (left > 0) {
        this.users.set(origin, left);
        continue;
      }
      this.users.delete(origin);
      wipes.push(this.wipe(origin));
    }
    await Promise.all(wipes);
  }

  /** Origins some fetch is using now (for tests and diagnostics). */
  inUse(): string[] {
    return [...this.users.keys()];
  }

  private wipe(origin: string): Promise<void> {
    // A page may touch an origin while its earlier wipe still runs (a subresource does not wait): wipe again after.
    const previous = this.clearing.get(origin);
    const wipe = (previous ? previous.then(() => this.clear(origin)) : this.clear(origin))
      .catch(() => undefined)
      .finally(() => {
        if (this.clearing.get(origin) === wipe) this.clearing.delete(origin);
      });
    this.clearing.set(origin, wipe);
    return wipe;
  }
}

/** The origins one fetch has touched, each counted once in the ledger. */
export class FetchOrigins {
  private readonly seen = new Set<string>();

  constructor(private readonly ledger: OriginLedger) {}

  /** The origin the fetch navigates to first: waits for a wipe of it to finish. */
  async enter(origin: string): Promise<void> {
    if (this.seen.has(origin)) return;
    this.seen.add(origin);
    await this.ledger.enter(origin);
  }

  /** An origin the page requested. */
  touch(origin: string): void {
    if (this.seen.has(origin)) return;
    this.seen.add(origin);
    this.ledger.acquire(origin);
  }

  /** Gives every touched origin back to the ledger; call once, when the fetch's page is closed. */
  release(): Promise<void> {
    const origins = [...this.seen];
    this.seen.clear();
    return this.ledger.release(origins);
  }
}
