import { AGGREGATE_SCOPE, parseNotification, scopeOf } from '../../../src/public/cache/public-scope';

describe('the scope of a public read', () => {
  it.each([
    ['/brands/zara', 'b:zara'],
    ['/badge/zara.svg', 'b:zara'],
    ['/api/brands/zara', 'b:zara'],
    ['/api/brands/zara/scorecard', 'b:zara'],
    ['/api/brands/zara/commitments', 'b:zara'],
    ['/api/companies/inditex/commitments', 'c:inditex'],
    ['/api/brands/facets', AGGREGATE_SCOPE],
    ['/api/brands', AGGREGATE_SCOPE],
    ['/brands', AGGREGATE_SCOPE],
    ['/', AGGREGATE_SCOPE],
    ['/feed.atom', AGGREGATE_SCOPE],
    ['/api/findings/0b0c5a6e-1f1e-4f57-9d56-5b1f0d0a7f10', AGGREGATE_SCOPE],
  ])('%s is %s', (path, scope) => {
    expect(scopeOf(path)).toBe(scope);
  });

  it.each([
    ['/api/brands', 'sector=apparel', 's:apparel'],
    ['/api/brands/facets', 'commitment=none&sector=solar-energy&country=DE', 's:solar-energy'],
    ['/api/brands', 'sector=appar%65l', 's:apparel'],
    // The list page also shows the unfiltered facets; two sectors, a malformed one or none name no sector.
    ['/brands', 'sector=apparel', AGGREGATE_SCOPE],
    ['/api/brands', 'sector=apparel&sector=toys', AGGREGATE_SCOPE],
    ['/api/brands', 'sector=Apparel', AGGREGATE_SCOPE],
    ['/api/brands', 'sector[]=apparel', AGGREGATE_SCOPE],
    ['/api/brands', 'q=sector=apparel', AGGREGATE_SCOPE],
    ['/api/brands', 'country=GB', AGGREGATE_SCOPE],
    ['/api/brands/zara', 'sector=apparel', 'b:zara'],
  ])('%s?%s is %s', (path, query, scope) => {
    expect(scopeOf(path, query)).toBe(scope);
  });

  it('names a ref as the router and Postgres read it: decoded, an id in lower case', () => {
    expect(scopeOf('/brands/%7Aara')).toBe('b:zara');
    expect(scopeOf('/brands/0B0C5A6E-1F1E-4F57-9D56-5B1F0D0A7F10')).toBe(
      'b:0b0c5a6e-1f1e-4f57-9d56-5b1f0d0a7f10',
    );
  });

  it('names nothing it cannot decode or that names no brand, so such reads are not cached', () => {
    expect(scopeOf('/brands/%E0%A4%A')).toBeNull();
    expect(scopeOf('/api/brands/')).toBeNull();
  });

  it('reads a notification, and refuses a malformed one', () => {
    expect(parseNotification('42 b:zara c:inditex')).toEqual({
      version: '42',
      scopes: ['b:zara', 'c:inditex'],
    });
    expect(parseNotification('42')).toEqual({ version: '42', scopes: [] });
    expect(parseNotification('x b:zara')).toBeNull();
  });
});
