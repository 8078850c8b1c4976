import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { INLINE_MAX_BYTES } from '../../../src/public/cache/content-coding';
import { cachedResponse, ResponseCache } from '../../../src/public/cache/response-cache';
import { waitFor } from '../../support/wait-for';

const html = { 'content-type': 'text/html; charset=utf-8' };
const page = (text: string, repeat = 200) => Buffer.from(`<p>${text}</p>\n`.repeat(repeat));
/** The content-encoding a form's flat header list names, if any. */
const encodingOf = (head: string[]) => head[head.indexOf('content-encoding') + 1];

describe('the response cache and the compressed forms of its copies', () => {
  it('makes a form only when a client first asks for it, once, and counts it in the bytes held', () => {
    const cache = new ResponseCache(1024 * 1024, 512 * 1024);
    const copy = cachedResponse(page('Committed.'), html, '"e1"');
    cache.set('k1', copy, 'b:zara');
    const recorded = cache.size.bytes;
    expect(copy.forms).toEqual({});

    expect(cache.formFor(copy, 'identity')).toBe(copy);
    expect(copy.forms).toEqual({});

    const br = cache.formFor(copy, 'br');
    expect(encodingOf(br.head)).toBe('br');
    expect(brotliDecompressSync(br.body).equals(copy.body)).toBe(true);
    expect(cache.formFor(copy, 'br')).toBe(br);
    expect(cache.size.bytes).toBe(recorded + br.body.length);

    const gzip = cache.formFor(copy, 'gzip');
    expect(gunzipSync(gzip.body).equals(copy.body)).toBe(true);
    expect(cache.size.bytes).toBe(recorded + br.body.length + gzip.body.length);

    // Freed with its forms: nothing is left counted.
    cache.forget('b:zara');
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('sends small or binary bodies as they are', () => {
    const cache = new ResponseCache(1024 * 1024, 512 * 1024);
    const small = cachedResponse(Buffer.from('<p>short</p>'), html, '"e1"');
    const svgAsPng = cachedResponse(page('x'), { 'content-type': 'image/png' }, '"e2"');
    expect(cache.formFor(small, 'br')).toBe(small);
    expect(cache.formFor(svgAsPng, 'gzip')).toBe(svgAsPng);
  });

  it('compresses a large body in the thread pool, sending it as it is until the form is ready', async () => {
    const cache = new ResponseCache(4 * 1024 * 1024, 1024 * 1024);
    const copy = cachedResponse(page('A long list of brands.', 8000), html, '"e1"');
    expect(copy.body.length).toBeGreaterThan(INLINE_MAX_BYTES);
    cache.set('k1', copy, 'all');
    const recorded = cache.size.bytes;
    expect(cache.formFor(copy, 'br')).toBe(copy);
    // null while the form is being made: waitFor takes null as an answer, so ask for a yes or no.
    await waitFor(() => Boolean(copy.forms.br), {
      timeoutMs: 2_000,
      intervalMs: 10,
      description: 'the br form',
    });
    const br = cache.formFor(copy, 'br');
    expect(encodingOf(br.head)).toBe('br');
    expect(cache.size.bytes).toBe(recorded + br.body.length);
  });

  it('counts no form of a copy it does not hold, and evicts when forms take it past its cap', () => {
    // Text that compresses only by about a quarter, so its forms are worth counting.
    const noisy = () => Buffer.from(randomBytes(1500).toString('base64'));
    const first = cachedResponse(noisy(), html, '"e1"');
    const second = cachedResponse(noisy(), html, '"e2"');
    // Room for the two copies as recorded (body, key and a kilobyte of bookkeeping each), and a little more.
    const cache = new ResponseCache(2 * (first.body.length + 4 + 1000) + 100, 5000);
    const loose = cachedResponse(noisy(), html, '"e0"');
    cache.formFor(loose, 'br');
    expect(cache.size.bytes).toBe(0);

    cache.set('k1', first, 'b:a');
    cache.set('k2', second, 'b:b');
    expect(cache.size.entries).toBe(2);
    // Past the cap once the second copy's forms are counted: the oldest copy goes.
    cache.formFor(second, 'gzip');
    cache.formFor(second, 'br');
    expect(second.forms.br).toBeTruthy();
    expect(cache.size.entries).toBe(1);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k2')).toBe(second);
  });
});
