import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Role } from '../../src/identity/auth/role.enum';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { createUser } from '../support/auth';
import { html } from '../support/fixture-server';
import {
  api,
  createWatch,
  sql,
  startHarness,
  type Harness,
  type WatchBody,
} from '../support/monitoring-harness';
import { policyPage } from '../support/statement-pages';

describe('the watches API', () => {
  let harness: Harness;
  let queue: Queue;

  beforeAll(async () => {
    harness = await startHarness({ worker: false });
    harness.site.route('/policy', html(policyPage()));
    queue = harness.testApp.app.get<Queue>(getQueueToken(QueueName.Monitoring), { strict: false });
  });

  afterAll(async () => {
    await harness.close();
  });

  const schedulerIds = async () => (await queue.getJobSchedulers(0, -1)).map((scheduler) => scheduler.key);

  it('creates a watch, schedules it with an offset and queues its first check', async () => {
    const watch = await createWatch(harness, '/policy', {
      intervalMinutes: 60,
      selector: 'main',
      language: 'en',
    });
    expect(watch).toMatchObject({ active: true, health: 'healthy', currentSnapshotId: null });
    const [scheduler] = (await queue.getJobSchedulers(0, -1)).filter((s) => s.key === `watch-${watch.id}`);
    expect(scheduler.every).toBe(60 * 60_000);
    expect(await queue.getJob(`check:${watch.id}:first`)).toBeDefined();
    const [row] = await sql<{ schedule_offset_ms: number }>(
      harness,
      'SELECT schedule_offset_ms FROM watches WHERE id = $1',
      [watch.id],
    );
    expect(row.schedule_offset_ms).toBeGreaterThanOrEqual(0);
    expect(row.schedule_offset_ms).toBeLessThan(60 * 60_000);
  });

  it.each([
    ['a loopback address that is not allow-listed', 'http://127.0.0.1:5432/'],
    ['a private address', 'http://10.1.2.3/policy'],
    ['a link-local metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['another scheme', 'file:///etc/passwd'],
    ['an address that is not a URL', 'not a url'],
  ])('refuses %s with a 400 naming url', async (_what, url) => {
    const response = await api<{ details: Array<{ field: string; reasons: string[] }> }>(
      harness,
      'POST',
      '/api/watches',
      {
        body: { brand: harness.brandSlug, url },
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('url');
    expect(response.body.details[0].reasons[0]).toMatch(/url cannot be watched: .+/);
  });

  it('refuses an interval outside 5 minutes to a week, and an unknown brand', async () => {
    const tooOften = await api(harness, 'POST', '/api/watches', {
      body: { brand: harness.brandSlug, url: harness.site.url('/policy'), intervalMinutes: 1 },
    });
    expect(tooOften.status).toBe(400);
    const noBrand = await api<{ details: Array<{ field: string }> }>(harness, 'POST', '/api/watches', {
      body: { brand: 'no-such-brand', url: harness.site.url('/policy') },
    });
    expect(noBrand.status).toBe(400);
    expect(noBrand.body.details[0].field).toBe('brand');
  });

  it('lets signed-in users read but only researchers and up write', async () => {
    const anonymous = await fetch(`${harness.testApp.baseUrl}/api/watches`);
    expect(anonymous.status).toBe(401);
    const admin = await createUser(harness.testApp, Role.Admin);
    expect((await api(harness, 'GET', '/api/watches', { as: harness.reviewer })).status).toBe(200);
    const byReviewer = await api(harness, 'POST', '/api/watches', {
      as: harness.reviewer,
      body: { brand: harness.brandSlug, url: harness.site.url('/policy') },
    });
    expect(byReviewer.status).toBe(201);
    expect((await api(harness, 'GET', '/api/watches', { as: admin })).status).toBe(200);
  });

  it('pauses (removing the schedule) and resumes (restoring it), auditing both', async () => {
    const watch = await createWatch(harness, '/policy');
    const paused = await api<WatchBody>(harness, 'POST', `/api/watches/${watch.id}/pause`);
    expect(paused.body.active).toBe(false);
    expect(await schedulerIds()).not.toContain(`watch-${watch.id}`);
    const resumed = await api<WatchBody>(harness, 'POST', `/api/watches/${watch.id}/resume`);
    expect(resumed.body.active).toBe(true);
    expect(await schedulerIds()).toContain(`watch-${watch.id}`);
    const audit = await sql<{ action: string }>(
      harness,
      `SELECT action FROM audit_log WHERE entity_type = 'watch' AND entity_id = $1 ORDER BY seq`,
      [watch.id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['watch.create', 'watch.pause', 'watch.resume']);
  });

  it('queues one check for repeated check-now requests', async () => {
    const watch = await createWatch(harness, '/policy');
    const first = await api<{ jobId: string }>(harness, 'POST', `/api/watches/${watch.id}/check`);
    const second = await api<{ jobId: string }>(harness, 'POST', `/api/watches/${watch.id}/check`);
    expect(first.status).toBe(202);
    expect(first.body.jobId).toMatch(new RegExp(`^check:${watch.id}:now-\\d+$`));
    // Requests in one 5-second window share a job id, so BullMQ keeps one job (two across a window boundary).
    const ids = new Set([first.body.jobId, second.body.jobId]);
    const queued = (await queue.getJobs(['waiting', 'delayed'])).filter((job) =>
      job.id?.startsWith(`check:${watch.id}:now-`),
    );
    expect(queued).toHaveLength(ids.size);
  });

  it('lists watches newest first with filters and a cursor', async () => {
    const other = await createWatch(harness, '/policy');
    await api(harness, 'POST', `/api/watches/${other.id}/pause`);
    const paused = await api<{ items: WatchBody[] }>(harness, 'GET', '/api/watches?active=false');
    expect(paused.body.items.every((item) => !item.active)).toBe(true);
    expect(paused.body.items.map((item) => item.id)).toContain(other.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/watches?brand=${harness.brandSlug}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api<{ items: WatchBody[]; nextCursor: string | null }>(harness, 'GET', query);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const [{ count }] = await sql<{ count: number }>(harness, 'SELECT count(*)::int AS count FROM watches');
    expect(new Set(seen).size).toBe(count);
    expect(seen).toHaveLength(count);
  });

  it('answers 404 for an unknown watch and 400 for a malformed id', async () => {
    expect((await api(harness, 'GET', '/api/watches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api(harness, 'GET', '/api/watches/nope')).status).toBe(400);
  });
});
