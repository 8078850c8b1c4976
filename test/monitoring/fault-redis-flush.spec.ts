import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { html } from '../support/fixture-server';
import { waitFor } from '../support/wait-for';
import { startPrivateRedis } from './fault-tools';
import {
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
  type WatchBody,
} from '../support/monitoring-harness';
import { policyPage } from '../support/statement-pages';

/** Fault 1: Redis loses everything while the worker runs; Postgres brings every schedule back. */
describe('when Redis loses all its data', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let harness: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    harness = await startHarness({
      // A watch minute of 400 ms makes the 5-minute minimum interval 2 s; reconcile every second.
      env: { REDIS_URL: redis.url, MONITORING_MINUTE_MS: '400', MONITORING_RECONCILE_INTERVAL_SECONDS: '1' },
    });
  });

  afterAll(async () => {
    await harness.close();
    await redis.stop();
  });

  it('schedules every active watch again within a minute and keeps checking them', async () => {
    harness.site
      .route('/a', html(policyPage()))
      .route('/b', html(policyPage()))
      .route('/c', html(policyPage()));
    const watches: WatchBody[] = [];
    for (const path of ['/a', '/b', '/c'])
      watches.push(await createWatch(harness, path, { intervalMinutes: 5 }));
    for (const watch of watches) await waitForCheck(harness, `check:${watch.id}:first`);
    const queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
    const wanted = watches.map((watch) => `watch-${watch.id}`).sort();

    const client = new Redis(redis.url);
    await client.flushall();
    const flushedAt = new Date();
    expect(await queue.getJobSchedulersCount()).toBe(0);

    await waitFor(
      async () => {
        const keys = (await queue.getJobSchedulers(0, -1)).map((scheduler) => scheduler.key);
        return wanted.every((key) => keys.includes(key)) && keys.includes('reconcile-watches');
      },
      { timeoutMs: 60_000, description: 'every schedule to come back' },
    );
    await waitFor(
      async () => {
        const rows = await sql<{ watch_id: string }>(
          harness,
          `SELECT DISTINCT watch_id FROM watch_checks WHERE checked_at > $1 AND outcome = 'unchanged'`,
          [flushedAt],
        );
        return watches.every((watch) => rows.some((row) => row.watch_id === watch.id));
      },
      { timeoutMs: 30_000, description: 'every watch to be checked after the flush' },
    );
    client.disconnect();
  });
});
