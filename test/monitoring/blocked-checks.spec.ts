import type { IncomingMessage } from 'node:http';
import { Role } from '../../src/identity/auth/role.enum';
import { createUser, signIn, type TestUser } from '../support/auth';
import { FixtureServer, html } from '../support/fixture-server';
import { waitFor } from '../support/wait-for';
import { WALL_FAMILIES } from './bot-walls';
import {
  api,
  checkOnce,
  counts,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage } from '../support/statement-pages';

interface WatchState {
  blockedSince: string | null;
  blockedBy: string | null;
  consecutiveBlocks: number;
  currentSnapshotId: string | null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Two walled checks in a row mark a watch blocked, so a test shows the whole run without waiting for retries.
const BLOCKED_AFTER = 2;

describe('checks that meet a bot wall (issue 16)', () => {
  let harness: Harness;
  let receiver: FixtureServer;
  const announced: Array<Record<string, unknown>> = [];
  let admin: TestUser;

  beforeAll(async () => {
    receiver = await FixtureServer.start();
    receiver.route('/hooks/ops', async (req, res) => {
      announced.push(JSON.parse(await readBody(req)) as Record<string, unknown>);
      res.writeHead(200).end('ok');
    });
    const site = await FixtureServer.start();
    harness = await startHarness({
      site,
      env: {
        FETCH_ALLOWLIST: `${site.hostPort},${receiver.hostPort}`,
        MONITORING_BLOCKED_AFTER_CHECKS: String(BLOCKED_AFTER),
      },
    });
    admin = await createUser(harness.testApp, Role.Admin);
    const created = await api(harness, 'POST', '/api/webhooks', {
      as: admin,
      body: { name: 'Monitor ops', team: 'ops', url: receiver.url('/hooks/ops') },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await harness?.close();
    await receiver?.close();
  });

  const watchState = async (id: string) => (await api<WatchState>(harness, 'GET', `/api/watches/${id}`)).body;

  it.each(WALL_FAMILIES.map((family) => [family.vendor, family] as const))(
    'a %s wall raises no flag, keeps the snapshot, marks the watch blocked after the run, and recovers',
    async (vendor, family) => {
      const path = `/sourcing-${vendor}`;
      harness.site.route(path, html(policyPage()));
      const watch = await createWatch(harness, path);
      await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
      const baseline = (await watchState(watch.id)).currentSnapshotId;

      harness.site.route(path, family.answer);
      for (let check = 0; check < BLOCKED_AFTER; check++) {
        expect(await checkOnce(harness, watch.id, 40_000)).toBe('blocked');
      }
      expect(await watchState(watch.id)).toMatchObject({
        blockedSince: expect.any(String),
        blockedBy: vendor,
        currentSnapshotId: baseline,
      });
      expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 1, flags: 0 });
      // Plain HTTP met the wall, then the browser was tried and met it too: the browser's answer is recorded.
      const walled = await sql<{ blocked_by: string; via: string }>(
        harness,
        `SELECT DISTINCT blocked_by, via FROM watch_checks WHERE watch_id = $1 AND outcome = 'blocked'`,
        [watch.id],
      );
      expect(walled).toEqual([{ blocked_by: vendor, via: 'browser' }]);

      harness.site.route(path, html(policyPage()));
      expect(await checkOnce(harness, watch.id, 40_000)).toBe('unchanged');
      expect(await watchState(watch.id)).toMatchObject({
        blockedSince: null,
        consecutiveBlocks: 0,
        currentSnapshotId: baseline,
      });
      expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 1, flags: 0 });
    },
  );

  it('announces a blocked watch to webhooks as watch.blocked, counts it in /health and shows it to admins', async () => {
    const path = '/sourcing-announced';
    harness.site.route(path, html(policyPage()));
    const watch = await createWatch(harness, path);
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    harness.site.route(path, WALL_FAMILIES[0].answer);
    for (let check = 0; check < BLOCKED_AFTER; check++) await checkOnce(harness, watch.id, 40_000);

    const event = await waitFor(() => announced.find((body) => body.watchId === watch.id), {
      timeoutMs: 20_000,
      description: 'the watch.blocked delivery',
    });
    expect(event).toMatchObject({
      event: 'watch.blocked',
      vendor: 'cloudflare',
      url: harness.site.url(path),
    });
    const health = await fetch(`${harness.testApp.baseUrl}/health`);
    const body = (await health.json()) as { info: { watches: { blocked: number } } };
    expect(body.info.watches.blocked).toBeGreaterThanOrEqual(1);

    const session = await signIn(harness.testApp, admin.email, admin.password);
    const adminPage = await fetch(`${harness.testApp.baseUrl}/admin/watches`, { headers: session.headers });
    const text = await adminPage.text();
    expect(adminPage.status).toBe(200);
    expect(text).toContain(harness.site.url(path));
    expect(text).toMatch(/blocked<\/span> by cloudflare since/);
  });
});
