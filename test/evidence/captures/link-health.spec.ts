import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Role } from '../../../src/identity/auth/role.enum';
import { LinkChecker } from '../../../src/evidence/captures/link-checker';
import { LinkSweep } from '../../../src/evidence/captures/link-sweep';
import { QueueName } from '../../../src/platform/queues/queue-catalogue';
import { createUser, type TestUser } from '../../support/auth';
import { FixtureServer, html } from '../../support/fixture-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { listCaptures, logEvidence, settledCapture } from '../../support/captures';

const page = (statement: string) =>
  `<!DOCTYPE html><html><head><title>Sourcing</title></head><body><main><h1>Responsible sourcing</h1>
<p>${statement}</p><p>Our supplier list, including spinning mills, is published twice a year.</p></main></body></html>`;

const ORIGINAL = 'We do not source cotton from the Xinjiang Uyghur Autonomous Region.';
const EDITED = 'We aim to reduce cotton from the Xinjiang Uyghur Autonomous Region where possible.';

describe('link health', () => {
  let site: FixtureServer;
  let testApp: TestApp;
  let researcher: TestUser;
  let checker: LinkChecker;

  beforeAll(async () => {
    site = await FixtureServer.start();
    testApp = await startTestApp({
      worker: true,
      env: { FETCH_ALLOWLIST: site.hostPort, MONITORING_HOST_MIN_DELAY_MS: '0' },
    });
    researcher = await createUser(testApp, Role.Researcher);
    checker = testApp.worker!.get(LinkChecker);
  });

  afterAll(async () => {
    await testApp?.close();
    await site?.close();
  });

  async function capturedPage(path: string): Promise<string> {
    site.route(path, html(page(ORIGINAL)));
    const evidenceId = await logEvidence(testApp, researcher.headers, site.url(path));
    expect((await settledCapture(testApp, evidenceId, researcher.headers)).state).toBe('done');
    return evidenceId;
  }

  async function servedText(evidenceId: string, version?: number) {
    const query = version ? `?version=${version}` : '';
    const response = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/capture/text${query}`, {
      headers: researcher.headers,
    });
    return {
      status: response.status,
      version: response.headers.get('x-capture-version'),
      text: await response.text(),
    };
  }

  it('finds an unchanged page alive and shows it in the API', async () => {
    const evidenceId = await capturedPage('/alive');

    expect(await checker.check(evidenceId)).toBe('alive');

    const { items, linkHealth } = await listCaptures(testApp, evidenceId, researcher.headers);
    expect(items).toHaveLength(1);
    expect(linkHealth).toMatchObject({ state: 'alive', consecutiveFailures: 0 });
    expect(linkHealth?.lastCheckedAt).not.toBeNull();
    expect(linkHealth?.recentChecks.map((check) => check.outcome)).toEqual(['alive']);
  });

  it('stores an edited page as a second version and keeps serving the original by default', async () => {
    const evidenceId = await capturedPage('/edited');
    const [original] = (await listCaptures(testApp, evidenceId, researcher.headers)).items;
    site.route('/edited', html(page(EDITED)));

    expect(await checker.check(evidenceId)).toBe('changed');
    expect(await checker.check(evidenceId)).toBe('changed');

    const { items, linkHealth } = await listCaptures(testApp, evidenceId, researcher.headers);
    expect(items.map((item) => [item.version, item.reason, item.state])).toEqual([
      [1, 'logged', 'done'],
      [2, 'changed', 'done'],
    ]);
    expect(items[0]).toEqual(original);
    expect(items[1].textSha256).not.toBe(original.textSha256);
    expect(linkHealth?.state).toBe('changed');
    expect(linkHealth?.recentChecks[1].captureId).toBe(items[1].id);
    const served = await servedText(evidenceId);
    expect(served).toMatchObject({ status: 200, version: '1' });
    expect(served.text).toContain(ORIGINAL);
    expect((await servedText(evidenceId, 2)).text).toContain(EDITED);
  });

  it.each([404, 410])('finds a page answering %i dead and keeps its original capture', async (status) => {
    const evidenceId = await capturedPage(`/gone-${status}`);
    site.route(`/gone-${status}`, html('<h1>Not here</h1>', { status }));

    expect(await checker.check(evidenceId)).toBe('dead');

    const { items, linkHealth } = await listCaptures(testApp, evidenceId, researcher.headers);
    expect(linkHealth?.state).toBe('dead');
    expect(items).toHaveLength(1);
    const served = await servedText(evidenceId);
    expect(served.status).toBe(200);
    expect(served.text).toContain(ORIGINAL);
  });

  it('calls a link dead after it failed three checks in a row', async () => {
    const evidenceId = await capturedPage('/flaky');
    site.route('/flaky', { status: 503, body: 'maintenance' });

    expect(await checker.check(evidenceId)).toBe('unreachable');
    expect(await checker.check(evidenceId)).toBe('unreachable');
    expect(await checker.check(evidenceId)).toBe('dead');
    expect((await servedText(evidenceId)).status).toBe(200);
  });

  it('refuses to change or delete an archived capture, even from SQL', async () => {
    const evidenceId = await capturedPage('/kept');
    const database = testApp.app.get(DataSource);

    await expect(
      database.query(`UPDATE evidence_captures SET text_sha256 = NULL WHERE evidence_id = $1`, [evidenceId]),
    ).rejects.toThrow(/archived and cannot be changed or deleted/);
    await expect(
      database.query(`DELETE FROM evidence_captures WHERE evidence_id = $1`, [evidenceId]),
    ).rejects.toThrow(/archived and cannot be changed or deleted/);
  });

  it('sweeps due links into check jobs that record their outcome', async () => {
    const evidenceId = await capturedPage('/due');
    const database = testApp.app.get(DataSource);
    await database.query(
      `UPDATE link_health SET next_check_at = now() - interval '1 minute' WHERE evidence_id = $1`,
      [evidenceId],
    );

    expect(await testApp.worker!.get(LinkSweep).sweep()).toBeGreaterThanOrEqual(1);

    const queue = testApp.app.get<Queue>(getQueueToken(QueueName.Captures));
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(
      jobs.filter((job) => job.name === 'check-link' && job.data.evidenceId === evidenceId),
    ).toHaveLength(1);
    await waitFor(
      async () => (await listCaptures(testApp, evidenceId, researcher.headers)).linkHealth?.lastCheckedAt,
      {
        timeoutMs: 30_000,
        description: 'the swept link check',
      },
    );
  });
});
