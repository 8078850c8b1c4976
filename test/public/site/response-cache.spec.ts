import { cachedResponse, ResponseCache } from '../../../src/public/cache/response-cache';

/** Entries of a known size: the cache counts body bytes, twice the key's length and 1000 for the headers. */
function entry(bodyBytes: number) {
  return cachedResponse(Buffer.alloc(bodyBytes, 'x'), { 'content-type': 'text/plain' }, '"e"');
}
const ENTRY_COST = 100 + 2 + 1000;

describe('the response cache', () => {
  it('keeps the headers flat for writeHead, with the content length of the body', () => {
    const copy = cachedResponse(
      Buffer.from('hello'),
      { 'content-type': 'text/plain', link: ['</a>; rel=preload', '</b>; rel=preload'] },
      '"e"',
    );
    expect(copy.head).toEqual([
      'content-type',
      'text/plain',
      'link',
      '</a>; rel=preload',
      'link',
      '</b>; rel=preload',
      'content-length',
      '5',
    ]);
  });

  it('evicts the least recently used entries once over its byte cap', () => {
    const cache = new ResponseCache(4 * ENTRY_COST, 10_000);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, entry(100), 'all');
    // 'a' is the oldest and in the older half: a hit moves it to the recent end.
    expect(cache.get('a')).toBeDefined();
    cache.set('e', entry(100), 'all');
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd', 'e'].map((key) => cache.get(key) !== undefined)).toEqual([true, true, true, true]);
    expect(cache.size).toEqual({ entries: 4, bytes: 4 * ENTRY_COST });
  });

  it('does not move an entry already among the recent half, and still evicts in recency order', () => {
    const cache = new ResponseCache(4 * ENTRY_COST, 10_000);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, entry(100), 'all');
    for (let hit = 0; hit < 100; hit += 1) cache.get('d');
    cache.get('a');
    cache.set('e', entry(100), 'all');
    cache.set('f', entry(100), 'all');
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => cache.get(key) !== undefined)).toEqual([
      true,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('does not keep an entry larger than its per-entry cap', () => {
    const cache = new ResponseCache(100_000, 500);
    cache.set('big', entry(600), 'all');
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size.entries).toBe(0);
  });
});
