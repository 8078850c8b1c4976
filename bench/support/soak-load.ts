/** One kind of request of the soak's mix: `weight` of every 100 requests. */
export interface LoadTarget {
  name: string;
  weight: number;
  request(): { path: string; method?: string; body?: unknown; signedIn?: boolean };
}

export interface LoadOptions {
  baseUrl: string;
  token: string;
  requestsPerSecond: number;
  /** Requests in flight at most; past it the generator skips a beat rather than queueing without end. */
  maxInFlight: number;
  timeoutMs: number;
}

/** What came back, by status code ('timeout' and 'network' for no answer), for one bucket of time. */
export type StatusCounts = Record<string, number>;

export interface LoadTally {
  sent: number;
  /** Ticks skipped because `maxInFlight` requests were still waiting (the API fell behind). */
  skipped: number;
  byStatus: StatusCounts;
  byTarget: Record<string, StatusCounts>;
  latenciesMs: number[];
}

/**
 * A steady, paced mix of requests (an open loop: `rate` requests a second whatever the answers, so a slow
 * API shows as growing latency and skipped beats, not as a politely lower rate). Each answer is handed to
 * `classify`, which says which tally it belongs to (steady state or an outage window) by its start time.
 */
export class LoadGenerator {
  private timer?: NodeJS.Timeout;
  private inFlight = 0;
  private readonly pending = new Set<Promise<void>>();
  readonly tallies = new Map<string, LoadTally>();

  constructor(
    private readonly options: LoadOptions,
    private readonly targets: LoadTarget[],
    private readonly classify: (startedAt: number) => string,
  ) {}

  start(): void {
    // Timers run late on a busy machine: each tick sends every request that is due by now, so the rate
    // offered stays the rate asked for.
    const startedAt = Date.now();
    let fired = 0;
    this.timer = setInterval(() => {
      const due = Math.floor(((Date.now() - startedAt) * this.options.requestsPerSecond) / 1000);
      for (; fired < due; fired++) this.fire();
    }, 20);
  }

  /**
   * Stops sending and waits for the answers still on their way, at most the request timeout and a little:
   * every request has its own timer, so one still unsettled then is counted as a timeout and left behind
   * (a soak once waited for good here). Returns how many were left.
   */
  async stop(): Promise<number> {
    clearInterval(this.timer);
    const waiting = [...this.pending];
    let left = 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(waiting),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          left = this.pending.size;
          resolve();
        }, this.options.timeoutMs + 5_000);
      }),
    ]);
    clearTimeout(timer);
    return left;
  }

  private fire(): void {
    const startedAt = Date.now();
    const tally = this.tally(this.classify(startedAt));
    if (this.inFlight >= this.options.maxInFlight) {
      tally.skipped += 1;
      return;
    }
    const target = this.pick();
    const done = this.send(target).then((status) => {
      tally.sent += 1;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      const byTarget = (tally.byTarget[target.name] ??= {});
      byTarget[status] = (byTarget[status] ?? 0) + 1;
      tally.latenciesMs.push(Date.now() - startedAt);
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private async send(target: LoadTarget): Promise<string> {
    const { path, method = 'GET', body, signedIn } = target.request();
    this.inFlight += 1;
    // Our own timer, not AbortSignal.timeout: nothing else holds that signal, and a timeout whose signal was
    // garbage-collected never fires, which left a request (and the soak's stop) waiting for good.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('no answer in time', 'TimeoutError')),
      this.options.timeoutMs,
    );
    try {
      const response = await fetch(this.options.baseUrl + path, {
        method,
        headers: {
          ...(signedIn ? { authorization: `Bearer ${this.options.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.arrayBuffer();
      return String(response.status);
    } catch (error) {
      return (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
    } finally {
      clearTimeout(timer);
      this.inFlight -= 1;
    }
  }

  private pick(): LoadTarget {
    const total = this.targets.reduce((sum, target) => sum + target.weight, 0);
    let roll = Math.random() * total;
    for (const target of this.targets) {
      roll -= target.weight;
      if (roll < 0) return target;
    }
    return this.targets[this.targets.length - 1];
  }

  private tally(bucket: string): LoadTally {
    let tally = this.tallies.get(bucket);
    if (!tally) {
      tally = { sent: 0, skipped: 0, byStatus: {}, byTarget: {}, latenciesMs: [] };
      this.tallies.set(bucket, tally);
    }
    return tally;
  }
}

/** 2xx and 3xx are served; anything else (4xx included: the mix sends only valid requests) is an error. */
export function isServed(status: string): boolean {
  return /^[23]\d\d$/.test(status);
}
