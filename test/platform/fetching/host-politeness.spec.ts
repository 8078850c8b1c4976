import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { HostPoliteness } from '../../../src/platform/fetching/politeness/host-politeness';
import { loadAppConfig, type AppConfig } from '../../../src/platform/config/app-config';

describe('per-host politeness across workers', () => {
  const redis = new Redis('redis://127.0.0.1:6379');

  afterAll(() => redis.disconnect());

  function politeness(env: Record<string, string>) {
    const config = loadAppConfig({ QUEUE_PREFIX: `pwtest-${randomBytes(4).toString('hex')}`, ...env });
    return { config, slots: new HostPoliteness(redis, config) };
  }

  async function deleteRedisKeys(config: AppConfig) {
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
  }

  it('grants at most N slots per host at once and frees one on release', async () => {
    const { config, slots } = politeness({
      MONITORING_HOST_CONCURRENCY: '2',
      MONITORING_HOST_MIN_DELAY_MS: '0',
    });
    const first = await slots.acquire('https://brand.example/a', 'job-1');
    const second = await slots.acquire('https://brand.example/b', 'job-2');
    const third = await slots.acquire('https://brand.example/c', 'job-3');
    const otherHost = await slots.acquire('https://other.example/a', 'job-4');
    expect([first.granted, second.granted, third.granted, otherHost.granted]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    if (!third.granted) expect(third.retryInMs).toBeGreaterThan(0);
    if (first.granted) await first.release();
    expect((await slots.acquire('https://brand.example/c', 'job-3')).granted).toBe(true);
    await deleteRedisKeys(config);
  });

  it('keeps a minimum delay between the starts of fetches of one host', async () => {
    const { config, slots } = politeness({
      MONITORING_HOST_CONCURRENCY: '5',
      MONITORING_HOST_MIN_DELAY_MS: '60000',
    });
    const host = `https://${randomBytes(3).toString('hex')}.example/`;
    expect((await slots.acquire(host, 'job-1')).granted).toBe(true);
    const next = await slots.acquire(host, 'job-2');
    expect(next.granted).toBe(false);
    if (!next.granted) expect(next.retryInMs).toBeGreaterThan(50_000);
    await deleteRedisKeys(config);
  });
});
