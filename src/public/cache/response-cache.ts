import type { OutgoingHttpHeaders } from 'node:http';

/** A response as the cache keeps it: the bytes, every header it was sent with, and its ETag. */
export interface CachedResponse {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  etag: string;
  /** The headers as writeHead takes them flat, content-length included: built once, not on every hit. */
  head: string[];
  /** The cache's clock when the entry last moved to the recent end (see ResponseCache.get). */
  touched: number;
}

export function cachedResponse(body: Buffer, headers: OutgoingHttpHeaders, etag: string): CachedResponse {
  const head: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) head.push(name, String(item));
  }
  head.push('content-length', String(body.length));
  return { body, headers, etag, head, touched: 0 };
}

/**
 * A least-recently-used map of rendered responses with a cap on the bytes held (a Map keeps insertion order:
 * a hit is moved to the end, eviction takes from the front). Entries larger than `maxEntryBytes` are not kept.
 * A hit on an entry already in the recent half is not moved: popular copies then cost a lookup, not a delete
 * and an insert per request, and they are nowhere near eviction anyway.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  /** Counts moves to the recent end; an entry's `touched` says how recently it moved. */
  private clock = 0;

  constructor(
    private readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry && this.clock - entry.touched >= this.entries.size / 2) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.touched = ++this.clock;
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    const size = sizeOf(key, entry);
    if (size > this.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    entry.touched = ++this.clock;
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
