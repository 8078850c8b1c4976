import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadAppConfig } from '../../src/platform/config/app-config';

const repo = path.resolve(__dirname, '../..');

describe('configuration', () => {
  it('has defaults that work on a developer machine', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/pledgewatch',
      databaseReadUrl: null,
      redisUrl: 'redis://127.0.0.1:6379',
      chromiumPath: '/usr/bin/chromium',
      fetchAllowlist: [],
    });
  });

  // Issue 15: with a 30 s lock and a 30 s stalled interval a killed check waited up to a minute to run again.
  it("looks for a dead worker's checks often enough that they run again within about one lock duration", () => {
    const { lockDurationMs, stalledIntervalMs } = loadAppConfig({}).monitoring;
    expect(stalledIntervalMs).toBeLessThanOrEqual(lockDurationMs / 4);
  });

  it('reads PUBLIC_URL as an origin, without the trailing slash or the default port', () => {
    expect(loadAppConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadAppConfig({ PUBLIC_URL: 'https://Pledgewatch.example.org:443/' }).publicUrl).toBe(
      'https://pledgewatch.example.org',
    );
  });

  it('reads the fetch allow-list as host:port entries', () => {
    expect(loadAppConfig({ FETCH_ALLOWLIST: '127.0.0.1:8080, [::1]:9000' }).fetchAllowlist).toEqual([
      '127.0.0.1:8080',
      '[::1]:9000',
    ]);
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": expected a whole number/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x": expected a URL like postgres:/],
    ['REDIS_URL', 'not a url', /REDIS_URL/],
    ['FETCH_ALLOWLIST', 'example.org', /FETCH_ALLOWLIST/],
    ['SESSION_SECRET', 'short', /^Invalid environment variable SESSION_SECRET: /],
    [
      'PUBLIC_URL',
      'pledgewatch.example.org',
      /PUBLIC_URL="pledgewatch.example.org": expected an http\(s\) origin/,
    ],
    ['PUBLIC_URL', 'https://example.org/pledgewatch', /PUBLIC_URL/],
    ['PUBLIC_URL', 'ftp://example.org', /PUBLIC_URL/],
  ])('refuses %s=%s with a message naming the variable', (name, value, expected) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ [name]: value })).toThrow(expected);
  });

  it('never echoes a password given inside a URL', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/\*\*\*@db/);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'postgres//missing-colon'],
  ])('`npm start` with %s=%s stops at once with one line naming the variable', (name, value) => {
    const result = spawnSync('npm', ['start'], {
      cwd: repo,
      env: { ...process.env, [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid environment variable ${name}`);
  });
});
