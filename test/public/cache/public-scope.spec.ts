import { AGGREGATE_SCOPE, parseNotification, scopeOf } from '../../../src/public/cache/public-scope';
import { ScopeVersions } from '../../../src/public/cache/scope-versions';

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

describe('the versions a process knows', () => {
  it('moves a notified scope and the aggregate, and leaves other scopes where they were', () => {
    const versions = new ScopeVersions();
    versions.load('10', [{ scope: 'b:zara', version: '7' }]);
    expect(versions.apply('11', ['b:zara'])).toEqual(['b:zara', 'all']);
    expect([versions.versionOf('b:zara'), versions.versionOf('b:mango'), versions.current]).toEqual([
      '11',
      '0',
      '11',
    ]);
  });

  it('never moves back when a notification arrives after a read that already saw it', () => {
    const versions = new ScopeVersions();
    versions.load('12', [{ scope: 'b:zara', version: '12' }]);
    expect(versions.apply('11', ['b:zara'])).toEqual([]);
    expect([versions.versionOf('b:zara'), versions.current]).toEqual(['12', '12']);
  });

  it('moves every brand and company on `*`, and a later change above it', () => {
    const versions = new ScopeVersions();
    versions.load('5', [{ scope: 'b:zara', version: '5' }]);
    expect(versions.apply('6', ['*'])).toBe('*');
    expect([versions.versionOf('b:zara'), versions.versionOf('c:any')]).toEqual(['6', '6']);
    versions.apply('7', ['b:zara']);
    expect([versions.versionOf('b:zara'), versions.versionOf('b:mango')]).toEqual(['7', '6']);
  });
});
