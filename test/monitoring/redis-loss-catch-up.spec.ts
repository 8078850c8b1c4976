import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ScheduleService } from '../../src/monitoring/schedule/schedule.service';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { html } from '../support/fixture-server';
import { waitFor } from '../support/wait-for';
import { startPrivateRedis } from './fault-tools';
import { createWatch, sql, startHarness, waitForCheck, type Harness } from '../support/monitoring-harness';
import { policyPage } from '../support/statement-pages';

/**
 * Issue 15: after Redis lost its data, a catch-up was queued only once the last check was more than 1.5
 * intervals old, so a daily watch could go about 36 hours unchecked. Real minutes here: a daily watch is
 * daily, and its rebuilt scheduler's next run is hours away.
 */
describe('a daily watch when Redis loses its data', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let harness: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    harness = await startHarness({
      env: { REDIS_URL: redis.url, MONITORING_RECONCILE_INTERVAL_SECONDS: '3600' },
    });
  });

  afterAll(async () => {
    await harness.close();
    await redis.stop();
  });

  const checksSince = async (watchId: string, since: Date) =>
    (
      await sql<{ n: number }>(
        harness,
        'SELECT count(*)::int AS n FROM watch_checks WHERE watch_id = $1 AND checked_at > $2',
        [watchId, since],
      )
    )[0].n;

  it('gets exactly one catch-up check when it is more than one interval (and less than 1.5) overdue', async () => {
    harness.site.route('/daily', html(policyPage()));
    const watch = await createWatch(harness, '/daily', { intervalMinutes: 24 * 60 });
    await waitForCheck(harness, `check:${watch.id}:first`);
    // Its last check 25 hours ago, as if the worker and Redis had been away for a day.
    await sql(
      harness,
      `UPDATE watches SET last_checked_at = now() - interval '25 hours', created_at = now() - interval '30 hours'
        WHERE id = $1`,
      [watch.id],
    );
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    const flushedAt = new Date();

    const schedules = harness.testApp.app.get(ScheduleService, { strict: false });
    for (let pass = 0; pass < 3; pass++) await schedules.reconcile();
    await waitFor(async () => ((await checksSince(watch.id, flushedAt)) > 0 ? true : undefined), {
      timeoutMs: 20_000,
      description: 'the catch-up check',
    });

    // More passes after the catch-up ran queue nothing more, and nothing else is waiting to run.
    for (let pass = 0; pass < 3; pass++) await schedules.reconcile();
    const queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
    const queued = await queue.getJobs(['waiting', 'active', 'prioritized', 'paused']);
    expect(queued.filter((job) => (job.data as { watchId?: string }).watchId === watch.id)).toEqual([]);
    expect(await checksSince(watch.id, flushedAt)).toBe(1);
  });
});
