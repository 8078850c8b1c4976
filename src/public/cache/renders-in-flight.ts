import type { CachedResponse } from './response-cache';

/** Settles a render this request leads: with its copy, or undefined when it gave nothing to share. */
export type SettleRender = (copy: CachedResponse | undefined) => void;

/**
 * The renders of public copies under way in this process, by cache key (single flight). When a change moves a
 * popular scope, every reader of its pages misses at once; without this each of them would run the same
 * render (a sector's facets, a brand's scorecard) side by side, which is most of what a busy review day costs.
 * The first miss of a key renders; the misses that arrive while it runs wait for its copy instead. The key
 * holds the scope's version, so a waiter only ever joins a render of the version its own lookup asked for.
 */
export class RendersInFlight {
  private readonly pending = new Map<string, Promise<CachedResponse | undefined>>();

  /** The render of `key` under way, if there is one. */
  of(key: string): Promise<CachedResponse | undefined> | undefined {
    return this.pending.get(key);
  }

  /** Registers the render of `key` the caller leads. Settling more than once does nothing. */
  lead(key: string): SettleRender {
    let resolve!: (copy: CachedResponse | undefined) => void;
    const promise = new Promise<CachedResponse | undefined>((settle) => (resolve = settle));
    this.pending.set(key, promise);
    let settled = false;
    return (copy) => {
      if (settled) return;
      settled = true;
      if (this.pending.get(key) === promise) this.pending.delete(key);
      resolve(copy);
    };
  }
}
