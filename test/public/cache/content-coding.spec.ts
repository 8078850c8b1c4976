import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressCopy, preferredCoding } from '../../../src/public/cache/content-coding';

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

  it('compresses a copy once into both forms, and leaves small or binary bodies alone', async () => {
    const page = Buffer.from('<p>Committed to the Call to Action.</p>\n'.repeat(100));
    const forms = await compressCopy(page, 'text/html; charset=utf-8');
    expect(brotliDecompressSync(forms.br ?? Buffer.alloc(0)).equals(page)).toBe(true);
    expect(gunzipSync(forms.gzip ?? Buffer.alloc(0)).equals(page)).toBe(true);
    expect(await compressCopy(Buffer.from('<p>short</p>'), 'text/html')).toEqual({});
    expect(await compressCopy(page, 'image/png')).toEqual({});
  });
});
