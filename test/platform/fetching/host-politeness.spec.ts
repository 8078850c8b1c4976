import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import {
  HOST_SLOT_LEASE_MS,
  HostPoliteness,
} from '../../../src/platform/fetching/politeness/host-politeness';
import { ACQUIRE_HOST_SLOT } from '../../../src/platform/fetching/politeness/host-slot-scripts';
import { waitFor } from '../../support/wait-for';
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

  // Issue 15: the slot of a worker killed mid-fetch stayed taken for up to 2 minutes.
  it("frees the slot of a holder that died within the lease, and keeps a live holder's slot", async () => {
    const { config, slots } = politeness({
      MONITORING_HOST_CONCURRENCY: '1',
      MONITORING_HOST_MIN_DELAY_MS: '0',
    });
    const host = `${randomBytes(3).toString('hex')}.example`;
    const leases = `${config.queuePrefix}:politeness:${host}:leases`;
    // A worker that took the slot and died: its lease is in Redis, nobody renews it.
    await redis.eval(ACQUIRE_HOST_SLOT, 2, leases, `${leases}:next`, 'dead-worker', 1, 0, HOST_SLOT_LEASE_MS);
    expect((await slots.acquire(`https://${host}/a`, 'live-worker')).granted).toBe(false);
    const live = await waitFor(
      async () => {
        const answer = await slots.acquire(`https://${host}/a`, 'live-worker');
        return answer.granted ? answer : undefined;
      },
      {
        timeoutMs: HOST_SLOT_LEASE_MS + 5_000,
        intervalMs: 250,
        description: "the dead worker's slot to free",
      },
    );

    // The live holder renews its lease while it works, so it outlasts the first expiry.
    const firstExpiry = Number(await redis.zscore(leases, 'live-worker'));
    await waitFor(
      async () => (Number(await redis.zscore(leases, 'live-worker')) > firstExpiry ? true : undefined),
      {
        timeoutMs: 10_000,
        intervalMs: 250,
        description: 'the lease to be renewed',
      },
    );
    await live.release();
    expect(await redis.zscore(leases, 'live-worker')).toBeNull();
    await deleteRedisKeys(config);
  }, 30_000);
});
