import { ScopeVersions } from '../../../src/public/cache/scope-versions';

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
