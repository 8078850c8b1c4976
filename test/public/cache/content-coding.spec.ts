import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  compressible,
  compressLater,
  compressNow,
  preferredCoding,
} from '../../../src/public/cache/content-coding';

describe('content codings', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', 'identity'],
    ['identity', 'identity'],
    ['gzip;q=abc, br;q=0', 'identity'],
  ])('picks what Accept-Encoding %p prefers: %s', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });

  it('compresses text now or later into either coding, and leaves small or binary bodies alone', async () => {
    const page = Buffer.from('<p>Committed to the Call to Action.</p>\n'.repeat(100));
    expect(compressible(page, 'text/html; charset=utf-8')).toBe(true);
    expect(brotliDecompressSync(compressNow(page, 'br')).equals(page)).toBe(true);
    expect(gunzipSync(compressNow(page, 'gzip')).equals(page)).toBe(true);
    expect(brotliDecompressSync(await compressLater(page, 'br')).equals(page)).toBe(true);
    expect(gunzipSync(await compressLater(page, 'gzip')).equals(page)).toBe(true);
    expect(compressible(Buffer.from('<p>short</p>'), 'text/html')).toBe(false);
    expect(compressible(page, 'image/png')).toBe(false);
    expect(compressible(page, undefined)).toBe(false);
  });
});
