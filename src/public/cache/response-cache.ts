import type { OutgoingHttpHeaders } from 'node:http';
import {
  compressible,
  compressLater,
  compressNow,
  INLINE_MAX_BYTES,
  type Compression,
  type ContentCoding,
} from './content-coding';

/** One form of a copy's body as it goes on the wire: the bytes and the headers for writeHead, flat. */
export interface EncodedForm {
  body: Buffer;
  /** Content-length included (and content-encoding for a compressed form): built once, not on every hit. */
  head: string[];
}

/** A response as the cache keeps it: the bytes, every header it was sent with, its ETag, compressed forms. */
export interface CachedResponse extends EncodedForm {
  headers: OutgoingHttpHeaders;
  etag: string;
  /** Whether its type and size are worth compressing (content-coding.ts). */
  compressible: boolean;
  /**
   * The body compressed, made on the first hit that asks for the coding (ResponseCache.formFor), not when the
   * copy is recorded: most of the long tail is never read twice. null: not smaller, or still being made.
   */
  forms: Partial<Record<Compression, EncodedForm | null>>;
  /** The cache's clock when the entry last moved to the recent end (see ResponseCache.get). */
  touched: number;
  /** What it shows (public-scope.ts): a change there makes the copy one no lookup will ask for again. */
  scope: string;
  /** Its key in the cache, once stored. */
  key: string;
}

export function cachedResponse(body: Buffer, headers: OutgoingHttpHeaders, etag: string): CachedResponse {
  return {
    ...encodedForm(body, headers),
    headers,
    etag,
    compressible: compressible(body, String(headers['content-type'] ?? '')),
    forms: {},
    touched: 0,
    scope: '',
    key: '',
  };
}

function encodedForm(body: Buffer, headers: OutgoingHttpHeaders): EncodedForm {
  const head: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) head.push(name, String(item));
  }
  head.push('content-length', String(body.length));
  return { body, head };
}

/**
 * A least-recently-used map of rendered responses with a cap on the bytes held (a Map keeps insertion order:
 * a hit is moved to the end, eviction takes from the front). Entries larger than `maxEntryBytes` are not kept.
 * A hit on an entry already in the recent half is not moved: popular copies then cost a lookup, not a delete
 * and an insert per request, and they are nowhere near eviction anyway. Keys are also grouped by scope, so the
 * copies a change outdates are freed at once rather than left to age out (`forget`).
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly byScope = new Map<string, Set<string>>();
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

  set(key: string, entry: CachedResponse, scope: string): void {
    const size = sizeOf(key, entry);
    if (size > this.maxEntryBytes) return;
    this.delete(key);
    entry.scope = scope;
    entry.key = key;
    this.entries.set(key, entry);
    let keys = this.byScope.get(scope);
    if (!keys) this.byScope.set(scope, (keys = new Set()));
    keys.add(key);
    entry.touched = ++this.clock;
    this.grow(size);
  }

  /**
   * The form of `copy` to send to a client that prefers `coding`: identity when it asks for none or the form is
   * not worth it. A form is made the first time it is asked for (a small body at once; a large one in zlib's
   * thread pool, the identity form served meanwhile) and counted in the bytes held while the copy is held.
   * The same ETag for every form, as the `compression` middleware leaves it on a render: If-None-Match then
   * matches whichever form the client holds, and Vary: Accept-Encoding keeps shared caches apart.
   */
  formFor(copy: CachedResponse, coding: ContentCoding): EncodedForm {
    if (coding === 'identity' || !copy.compressible) return copy;
    const known = copy.forms[coding];
    if (known !== undefined) return known ?? copy;
    if (copy.body.length > INLINE_MAX_BYTES) {
      copy.forms[coding] = null;
      void compressLater(copy.body, coding).then(
        (bytes) => this.addForm(copy, coding, bytes),
        () => undefined,
      );
      return copy;
    }
    return this.addForm(copy, coding, compressNow(copy.body, coding)) ?? copy;
  }

  private addForm(copy: CachedResponse, coding: Compression, bytes: Buffer): EncodedForm | null {
    const form =
      bytes.length < copy.body.length
        ? encodedForm(bytes, { ...copy.headers, 'content-encoding': coding })
        : null;
    copy.forms[coding] = form;
    // Held copies count their forms (sizeOf); one evicted meanwhile, or never stored, counts nothing.
    if (form && this.entries.get(copy.key) === copy) this.grow(form.body.length);
    return form;
  }

  private grow(bytes: number): void {
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Frees every copy of a scope (its version moved: none of them can be asked for again). */
  forget(scope: string): void {
    const keys = this.byScope.get(scope);
    if (!keys) return;
    for (const key of keys) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.byScope.clear();
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
    const keys = this.byScope.get(entry.scope);
    keys?.delete(key);
    if (keys?.size === 0) this.byScope.delete(entry.scope);
  }
}

function sizeOf(key: string, entry: CachedResponse): number {
  const compressed = (entry.forms.br?.body.length ?? 0) + (entry.forms.gzip?.body.length ?? 0);
  return entry.body.length + compressed + key.length * 2 + 1000;
}
