import type { OutgoingHttpHeaders } from 'node:http';

/** A response as the cache keeps it: the bytes, every header it was sent with, and its ETag. */
export interface CachedResponse {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  etag: string;
}

/**
 * A least-recently-used map of rendered responses with a cap on the bytes held (a Map keeps insertion order:
 * a hit is moved to the end, eviction takes from the front). Entries larger than `maxEntryBytes` are not kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    const size = sizeOf(key, entry);
    if (size > this.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, value);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry);
  }
}

function sizeOf(key: string, entry: CachedResponse): number {
  return entry.body.length + key.length * 2 + 1000;
}
