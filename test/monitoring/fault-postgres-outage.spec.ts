import type { ServerResponse } from 'node:http';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ScheduleService } from '../../src/monitoring/schedule/schedule.service';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { html } from '../support/fixture-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { CuttableProxy } from './fault-tools';
import {
  counts,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';

/** Fault 3: Postgres is unreachable while a check records; the job retries and nothing is half-written. */
describe('when Postgres is briefly unreachable', () => {
  let proxy: CuttableProxy;
  let database: TestDatabase;
  let harness: Harness;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await CuttableProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    harness = await startHarness({ env: { DATABASE_URL: viaProxy.href } });
  });

  afterAll(async () => {
    await harness.close();
    await proxy.close();
    await database.drop();
  });

  it('retries the check and records the change exactly once when Postgres is back', async () => {
    harness.site.route('/policy', html(policyPage()));
    const watch = await createWatch(harness, '/policy');
    await waitForCheck(harness, `check:${watch.id}:first`);

    let cutOnNextRequest = true;
    harness.site.route('/policy', (_req, res: ServerResponse) => {
      // The fetch succeeds; Postgres goes away just before the check writes what it found.
      if (cutOnNextRequest) proxy.sever();
      cutOnNextRequest = false;
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(policyPage({ statement: REGION_SOURCING_HEDGED }));
    });
    const jobId = await harness.testApp.app.get(ScheduleService).queueCheck(watch.id, 'outage');
    const queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
    const failed = await waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        return job && job.attemptsMade >= 1 ? job : undefined;
      },
      { timeoutMs: 20_000, description: 'the first attempt to fail' },
    );
    expect(failed.failedReason).toBeTruthy();
    proxy.restore();

    expect(await waitForCheck(harness, jobId, 30_000)).toBe('changed');
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 2, flags: 1 });
    const [state] = await sql<{ current: string; flagged: string; checks: number }>(
      harness,
      `SELECT w.current_snapshot_id AS current, f.new_snapshot_id AS flagged,
              (SELECT count(*)::int FROM watch_checks c WHERE c.job_id = $2) AS checks
         FROM watches w JOIN flags f ON f.watch_id = w.id WHERE w.id = $1`,
      [watch.id, jobId],
    );
    expect(state.current).toBe(state.flagged);
    expect(state.checks).toBe(1);
  });
});
