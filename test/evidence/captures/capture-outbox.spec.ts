import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createWorkerApp } from '../../../src/app/app-setup';
import { Role } from '../../../src/identity/auth/role.enum';
import { captureJobId } from '../../../src/evidence/captures/capture-outbox';
import { CapturesReconciler } from '../../../src/evidence/captures/captures-reconciler';
import { QueueName } from '../../../src/platform/queues/queue-catalogue';
import { createUser, type TestUser } from '../../support/auth';
import { FixtureServer, html } from '../../support/fixture-server';
import { deleteRedisKeys, startTestApp, type TestApp } from '../../support/test-app';
import { listCaptures, logEvidence, settledCapture } from '../../support/captures';

const PAGE = html(
  '<html><body><main><p>We publish every spinning mill we buy yarn from.</p></main></body></html>',
);

/** Nothing listens on port 1: every Redis command fails while the API believes it is up. */
const DEAD_REDIS = 'redis://127.0.0.1:1';

describe('the captures outbox', () => {
  let site: FixtureServer;

  beforeAll(async () => {
    site = await FixtureServer.start();
    site.route('/mills', PAGE);
  });

  afterAll(async () => {
    await site?.close();
  });

  describe('when Redis is unreachable as evidence is logged', () => {
    let api: TestApp;
    let researcher: TestUser;
    let worker: INestApplicationContext | undefined;

    beforeAll(async () => {
      api = await startTestApp({ env: { FETCH_ALLOWLIST: site.hostPort, REDIS_URL: DEAD_REDIS } });
      researcher = await createUser(api, Role.Researcher);
    });

    afterAll(async () => {
      await worker?.close();
      await api?.close();
      await deleteRedisKeys({ ...api.config, redisUrl: 'redis://127.0.0.1:6379' });
    });

    it('logs the evidence, keeps the capture pending, and a worker on a good Redis captures it', async () => {
      const evidenceId = await logEvidence(api, researcher.headers, site.url('/mills'));
      expect((await listCaptures(api, evidenceId, researcher.headers)).items).toEqual([
        expect.objectContaining({ state: 'pending' }),
      ]);

      worker = await createWorkerApp({ ...api.config, redisUrl: 'redis://127.0.0.1:6379' });

      const capture = await settledCapture(api, evidenceId, researcher.headers);
      expect(capture).toMatchObject({ state: 'done', version: 1, httpStatus: 200 });
    });
  });

  describe('when Redis lost the job', () => {
    let testApp: TestApp;
    let researcher: TestUser;

    beforeAll(async () => {
      // Long reconcile interval: only the explicit pass below may bring the job back.
      testApp = await startTestApp({
        env: { FETCH_ALLOWLIST: site.hostPort, ARCHIVE_RECONCILE_INTERVAL_SECONDS: '3600' },
      });
      researcher = await createUser(testApp, Role.Researcher);
    });

    afterAll(async () => {
      await testApp?.close();
    });

    it('re-enqueues the pending capture with the same job id, once', async () => {
      const evidenceId = await logEvidence(testApp, researcher.headers, site.url('/mills'));
      const queue = testApp.app.get<Queue>(getQueueToken(QueueName.Captures));
      const jobId = captureJobId(evidenceId);
      expect(await queue.getJob(jobId)).toBeDefined();
      await queue.remove(jobId);
      expect(await queue.getJob(jobId)).toBeUndefined();

      const worker = await createWorkerApp(testApp.config);
      try {
        const reconciler = worker.get(CapturesReconciler);
        await reconciler.reconcile();
        await reconciler.reconcile();
        const capture = await settledCapture(testApp, evidenceId, researcher.headers);
        expect(capture).toMatchObject({ state: 'done', version: 1 });
        expect((await listCaptures(testApp, evidenceId, researcher.headers)).items).toHaveLength(1);
      } finally {
        await worker.close();
      }
    });
  });
});
