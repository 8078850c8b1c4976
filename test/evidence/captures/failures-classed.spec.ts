import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../../src/app/app-setup';
import { captureJobId } from '../../../src/evidence/captures/capture-outbox';
import { CaptureRunner } from '../../../src/evidence/captures/capture-runner';
import { CapturesProcessor } from '../../../src/evidence/captures/captures.processor';
import { CapturesReconciler } from '../../../src/evidence/captures/captures-reconciler';
import type { HostGate } from '../../../src/evidence/captures/host-slot';
import { LinkChecker } from '../../../src/evidence/captures/link-checker';
import { HostPoliteness } from '../../../src/platform/fetching/politeness/host-politeness';
import { Role } from '../../../src/identity/auth/role.enum';
import { redisOptionsFromUrl } from '../../../src/platform/redis/redis-connection';
import { QueueName } from '../../../src/platform/queues/queue-catalogue';
import { createUser, type TestUser } from '../../support/auth';
import { api } from '../../support/catalogue-api';
import { CatalogueFactory } from '../../support/factories';
import { FixtureServer, html } from '../../support/fixture-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { logEvidence } from '../../support/captures';

/** Node's URL parser refuses an IPv6 zone id; class-validator's isURL accepted it (issue 15). */
const UNPARSABLE_URL = 'http://[fe80::1%25lo]:8799/policy';

/** A bug of ours, as the runners meet it: not a FetchError, so nobody has classed it. */
const throwingGate: HostGate = () => Promise.reject(new TypeError('something nobody classed'));

/** Every failure classed: nothing stays pending or retries for ever (issue 15, item 4). */
describe('failures of captures, link checks and webhook deliveries', () => {
  let site: FixtureServer;
  let testApp: TestApp;
  let worker: INestApplicationContext;
  let researcher: TestUser;
  let admin: TestUser;
  let dataSource: DataSource;

  beforeAll(async () => {
    site = await FixtureServer.start();
    site.route('/policy', html('<main><p>We audit every spinning mill.</p></main>'));
    testApp = await startTestApp({
      env: { FETCH_ALLOWLIST: site.hostPort, ARCHIVE_RECONCILE_INTERVAL_SECONDS: '3600' },
    });
    researcher = await createUser(testApp, Role.Researcher);
    admin = await createUser(testApp, Role.Admin);
    dataSource = testApp.app.get(DataSource);
    worker = await createWorkerApp(testApp.config);
    // The tests drive the runners themselves; the queue's own worker must not take their jobs.
    await worker.get(CapturesProcessor).worker.pause(true);
  });

  afterAll(async () => {
    await worker?.close();
    await testApp?.close();
    await site?.close();
  });

  const captureOf = async (evidenceId: string) =>
    (
      await dataSource.query<Array<{ state: string; error_kind: string | null; error: string | null }>>(
        `SELECT state, error_kind, error FROM evidence_captures WHERE evidence_id = $1`,
        [evidenceId],
      )
    )[0];

  it('refuses with a 400 a URL that Node cannot parse, for evidence, websites and webhooks', async () => {
    const evidence = await api(testApp, 'POST', '/api/evidence', {
      body: { url: UNPARSABLE_URL, kind: 'company_statement' },
      headers: researcher.headers,
    });
    expect(evidence.status).toBe(400);
    expect(evidence.body.details?.map((problem: { field: string }) => problem.field)).toEqual(['url']);

    const brand = await new CatalogueFactory(testApp).brand();
    const website = await api(testApp, 'PATCH', `/api/brands/${brand.slug}`, {
      body: { website: UNPARSABLE_URL },
      headers: researcher.headers,
    });
    expect(website.status).toBe(400);

    const webhook = await api(testApp, 'POST', '/api/webhooks', {
      body: { name: 'Desk', url: UNPARSABLE_URL },
      headers: admin.headers,
    });
    expect(webhook.status).toBe(400);
  });

  it('records a stored URL that Node cannot parse as an invalid_url capture at once', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, site.url('/policy'));
    // As data saved before the API refused such URLs.
    await dataSource.query(`UPDATE evidence_captures SET requested_url = $1 WHERE evidence_id = $2`, [
      UNPARSABLE_URL,
      evidenceId,
    ]);
    await worker.get(CaptureRunner).run(evidenceId, { number: 1, last: false }, politeGate);
    expect(await captureOf(evidenceId)).toMatchObject({ state: 'failed', error_kind: 'invalid_url' });
  });

  it('retries an error nobody classed, and records it as a failure on the last attempt', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, site.url('/policy'));
    const runner = worker.get(CaptureRunner);
    await expect(runner.run(evidenceId, { number: 1, last: false }, throwingGate)).rejects.toThrow(TypeError);
    expect(await captureOf(evidenceId)).toMatchObject({ state: 'pending' });

    await runner.run(evidenceId, { number: 5, last: true }, throwingGate);
    expect(await captureOf(evidenceId)).toMatchObject({
      state: 'failed',
      error_kind: 'unexpected',
      error: expect.stringContaining('TypeError: something nobody classed'),
    });
  });

  it('does not start a capture job that failed for good again: reconcile records its failure instead', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, site.url('/policy'));
    const queue = testApp.app.get<Queue>(getQueueToken(QueueName.Captures));
    const jobId = captureJobId(evidenceId);
    // The job's handler died on every attempt before it could record anything (the database was away).
    await queue.remove(jobId);
    await queue.add('capture-evidence', { evidenceId }, { jobId, attempts: 1 });
    const failing = new Worker(QueueName.Captures, () => Promise.reject(new Error('the database was away')), {
      connection: redisOptionsFromUrl(testApp.config.redisUrl),
      prefix: testApp.config.queuePrefix,
    });
    try {
      await waitFor(
        async () => ((await (await queue.getJob(jobId))?.getState()) === 'failed' ? true : undefined),
        {
          timeoutMs: 10_000,
          intervalMs: 50,
          description: 'the job to fail for good',
        },
      );
    } finally {
      await failing.close();
    }

    await worker.get(CapturesReconciler).reconcile();

    expect(await queue.getJob(jobId)).toBeUndefined();
    expect(await captureOf(evidenceId)).toMatchObject({
      state: 'failed',
      error_kind: 'exhausted',
      error: 'the database was away',
    });
  });

  it('records an error nobody classed in a link check as unreachable, so repeated ones end in dead', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, site.url('/policy'));
    await dataSource.query(
      `INSERT INTO link_health (evidence_id, url, state, next_check_at) VALUES ($1, $2, 'alive', now())`,
      [evidenceId, site.url('/policy')],
    );
    const checker = worker.get(LinkChecker);
    expect(await checker.check(evidenceId, throwingGate)).toBe('unreachable');
    const [check] = await dataSource.query<Array<{ outcome: string; detail: string }>>(
      `SELECT outcome, detail FROM link_checks WHERE evidence_id = $1`,
      [evidenceId],
    );
    expect(check).toMatchObject({ outcome: 'unreachable', detail: expect.stringContaining('TypeError') });
  });

  /** The real per-host gate, as the processor builds it, without a job to delay. */
  const politeGate: HostGate = async (url, work) => {
    const slot = await worker.get(HostPoliteness).acquire(url, 'test');
    if (!slot.granted) throw new Error('the host slot is taken');
    try {
      return await work();
    } finally {
      await slot.release();
    }
  };
});
