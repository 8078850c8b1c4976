import { AsyncLocalStorage } from 'node:async_hooks';

/** After a failed connection the replica is left alone this long: reads meanwhile go to the primary. */
const REPLICA_DOWN_MS = 10_000;

/**
 * Which connections may go to the streaming replica (DATABASE_READ_URL). Only code run inside
 * `runAsPublicRead` (an anonymous GET, marked by the API's entry middleware), and only while the replica is
 * trusted: it is distrusted synchronously whenever the public data version changes, before any cache or page
 * can use the new version, and trusted again only once it has replayed the primary's WAL past that change
 * (`ReplicaFreshness`). So a public page is never older than the version it is keyed and labelled with.
 * Everything else (staff pages, writes, workers, the LISTEN connection) stays on the primary.
 */
export class ReadRouting {
  private readonly publicRead = new AsyncLocalStorage<true>();
  private trusted = false;
  private generation = 0;
  private downUntil = 0;

  constructor(readonly replicaConfigured: boolean) {}

  runAsPublicRead<T>(work: () => T): T {
    return this.publicRead.run(true, work);
  }

  /** Whether a connection asked for now should come from the replica. */
  useReplica(): boolean {
    return (
      this.replicaConfigured &&
      this.trusted &&
      this.publicRead.getStore() === true &&
      Date.now() >= this.downUntil
    );
  }

  /** The replica may be behind from now on; returns the generation a later `trust` must name. */
  distrust(): number {
    this.trusted = false;
    return ++this.generation;
  }

  /** Trusts the replica again, unless another change came in since `generation` was handed out. */
  trust(generation: number): boolean {
    if (generation !== this.generation) return false;
    this.trusted = true;
    return true;
  }

  /** Whether the replica has been distrusted again after `generation` was handed out. */
  distrustedSince(generation: number): boolean {
    return generation !== this.generation;
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  /** A connection to the replica failed: read from the primary for a while instead of failing pages. */
  replicaDown(): void {
    this.downUntil = Date.now() + REPLICA_DOWN_MS;
  }
}
