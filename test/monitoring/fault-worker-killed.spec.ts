import type { ServerResponse } from 'node:http';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { ScheduleService } from '../../src/monitoring/schedule/schedule.service';
import { html } from '../support/fixture-server';
import { waitFor } from '../support/wait-for';
import { startWorkerProcess, stopChild } from './fault-tools';
import {
  counts,
  createWatch,
  fastMonitoringEnv,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';

/** Fault 2: the worker dies (SIGKILL) in the middle of a check; another worker finishes it, once. */
describe('when the worker is killed in the middle of a check', () => {
  let harness: Harness;
  let workerEnv: Record<string, string>;
  const children: Array<ReturnType<typeof startWorkerProcess>> = [];

  beforeAll(async () => {
    harness = await startHarness({ worker: false });
    const { config } = harness.testApp;
    workerEnv = {
      ...fastMonitoringEnv(harness.site),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      MONITORING_LOCK_DURATION_MS: '4000',
      MONITORING_STALLED_INTERVAL_MS: '1000',
    };
  });

  afterAll(async () => {
    for (const child of children) await stopChild(child, 'SIGKILL');
    await harness.close();
  });

  it('completes the check once after a restart, with no duplicate snapshot or flag', async () => {
    let hang = false;
    const hanging: ServerResponse[] = [];
    harness.site.route('/policy', (_req, res) => {
      if (hang) return void hanging.push(res); // answers only after the worker is dead
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(policyPage({ statement: REGION_SOURCING_HEDGED }));
    });
    harness.site.route('/baseline', html(policyPage()));
    children.push(startWorkerProcess(workerEnv));
    const watch = await createWatch(harness, '/baseline');
    await waitForCheck(harness, `check:${watch.id}:first`, 30_000);
    await sql(harness, 'UPDATE watches SET url = $1 WHERE id = $2', [harness.site.url('/policy'), watch.id]);

    hang = true;
    const jobId = await harness.testApp.app.get(ScheduleService).queueCheck(watch.id, 'killed');
    await waitFor(() => hanging.length > 0, {
      timeoutMs: 20_000,
      description: 'the check to reach the page',
    });
    await stopChild(children[0], 'SIGKILL');
    hang = false;
    children.push(startWorkerProcess(workerEnv));

    expect(await waitForCheck(harness, jobId, 30_000)).toBe('changed');
    const queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
    await waitFor(async () => (await queue.getJob(jobId))?.isCompleted(), {
      description: 'the job to complete',
    });
    const checks = await sql(harness, 'SELECT * FROM watch_checks WHERE job_id = $1', [jobId]);
    expect(checks).toHaveLength(1);
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 2, flags: 1 });
  });
});
