import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ScheduleService } from '../../src/monitoring/schedule/schedule.service';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { html } from '../support/fixture-server';
import { startPrivateRedis } from './fault-tools';
import { api, createWatch, sql, startHarness, type Harness } from '../support/monitoring-harness';
import { policyPage } from '../support/statement-pages';

/** "Check now" is stored in Postgres with its audit entry, so a Redis that loses its data cannot lose it. */
describe('a requested check when Redis loses its data', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let harness: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    // No worker: the requested check stays queued, so the flush is what removes it.
    harness = await startHarness({ worker: false, env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await harness.close();
    await redis.stop();
  });

  async function flushRedis(): Promise<void> {
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
  }

  it('is queued again under the same job id by reconcile until a check has finished after it', async () => {
    harness.site.route('/policy', html(policyPage()));
    const watch = await createWatch(harness, '/policy');
    const requested = await api<{ jobId: string }>(harness, 'POST', `/api/watches/${watch.id}/check`);
    expect(requested.status).toBe(202);
    const queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
    const schedules = harness.testApp.app.get(ScheduleService);

    await flushRedis();
    expect(await queue.getJob(requested.body.jobId)).toBeUndefined();
    expect((await schedules.reconcile()).requested).toBe(1);
    expect(await queue.getJob(requested.body.jobId)).toBeDefined();

    await sql(harness, 'UPDATE watches SET last_checked_at = now() WHERE id = $1', [watch.id]);
    await flushRedis();
    expect((await schedules.reconcile()).requested).toBe(0);
    expect(await queue.getJob(requested.body.jobId)).toBeUndefined();
  });
});
