import { html } from '../support/fixture-server';
import {
  api,
  checkOnce,
  counts,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from './harness';
import { notFoundPage, policyPage, REGION_SOURCING_HEDGED } from './pages';

interface FlagRow {
  kind: string;
  significance: string;
  terms: string[];
  old_snapshot_id: string | null;
  new_snapshot_id: string | null;
  returned_at: Date | null;
}

describe('checks of a watched page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  const flagsOf = (watchId: string) =>
    sql<FlagRow>(harness, 'SELECT * FROM flags WHERE watch_id = $1 ORDER BY created_at', [watchId]);

  async function watchPage(path: string, body: string) {
    harness.site.route(path, html(body));
    const watch = await createWatch(harness, path);
    await waitForCheck(harness, `check:${watch.id}:first`);
    return watch;
  }

  it('stores a baseline snapshot on the first check and raises no flag', async () => {
    const watch = await watchPage('/baseline', policyPage());
    expect(await counts(harness, watch.id)).toEqual({ snapshots: 1, flags: 0, checks: 1 });
    const { body } = await api<{ currentSnapshotId: string; health: string }>(
      harness,
      'GET',
      `/api/watches/${watch.id}`,
    );
    expect(body.currentSnapshotId).toEqual(expect.any(String));
    expect(body.health).toBe('healthy');
  });

  it('raises exactly one major flag when the statement on the region is weakened', async () => {
    const watch = await watchPage('/statement', policyPage());
    harness.site.route('/statement', html(policyPage({ statement: REGION_SOURCING_HEDGED })));
    expect(await checkOnce(harness, watch.id)).toBe('changed');
    expect(await checkOnce(harness, watch.id)).toBe('unchanged');
    const flags = await flagsOf(watch.id);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'change', significance: 'major' });
    expect(flags[0].terms.length).toBeGreaterThan(0);
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 2, flags: 1 });
  });

  it('raises a minor flag for a change away from the statement', async () => {
    const watch = await watchPage('/minor', policyPage());
    const changed = policyPage().replace(
      'Every season we test a sample of garments with isotope analysis to verify the origin of the cotton.',
      'Our design team now works from a new studio in Porto, opened with a summer party for neighbours.',
    );
    harness.site.route('/minor', html(changed));
    expect(await checkOnce(harness, watch.id)).toBe('changed');
    expect(await flagsOf(watch.id)).toEqual([
      expect.objectContaining({ kind: 'change', significance: 'minor' }),
    ]);
  });

  it.each([
    ['a new date', { updated: '9 April 2025' }],
    ['a cookie banner', { cookieBanner: true }],
    ['a new page token', { token: 'zz81b2c3d4e5f6a7b8c9' }],
    [
      'other product tiles',
      { tiles: ['Organic cotton tee €14.95', 'Chino shorts €29.95', 'Rain jacket €89.00'] },
    ],
  ])('stores nothing and flags nothing when only %s changes', async (_what, noise) => {
    const path = `/noise-${Object.keys(noise)[0]}`;
    const watch = await watchPage(path, policyPage());
    harness.site.route(path, html(policyPage(noise)));
    expect(await checkOnce(harness, watch.id)).toBe('unchanged');
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 1, flags: 0 });
  });

  it('raises one page-gone flag however many checks find the page answering 404, and notes its return', async () => {
    const watch = await watchPage('/going', policyPage());
    harness.site.route('/going', html(notFoundPage(), { status: 404 }));
    for (let check = 0; check < 3; check++) expect(await checkOnce(harness, watch.id)).toBe('gone');
    const gone = await flagsOf(watch.id);
    expect(gone).toEqual([
      expect.objectContaining({ kind: 'page_gone', significance: 'major', returned_at: null }),
    ]);
    expect(
      (await api<{ goneSince: string | null }>(harness, 'GET', `/api/watches/${watch.id}`)).body.goneSince,
    ).not.toBeNull();

    harness.site.route('/going', html(policyPage()));
    expect(await checkOnce(harness, watch.id)).toBe('returned');
    const [afterReturn] = await flagsOf(watch.id);
    expect(afterReturn.returned_at).not.toBeNull();
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 1, flags: 1 });
  });

  it('treats a soft-404 and a redirect to the home page as the page being gone', async () => {
    const soft = await watchPage('/soft', policyPage());
    harness.site.route('/soft', html(notFoundPage()));
    expect(await checkOnce(harness, soft.id)).toBe('gone');
    const moved = await watchPage('/retired/policy', policyPage());
    harness.site.redirect('/retired/policy', '/');
    harness.site.route(
      '/',
      html('<html><body><main><h1>Welcome to Northwind</h1><p>Shop the new season.</p></main></body></html>'),
    );
    expect(await checkOnce(harness, moved.id)).toBe('gone');
    expect(await flagsOf(soft.id)).toEqual([expect.objectContaining({ kind: 'page_gone' })]);
    expect(await flagsOf(moved.id)).toEqual([expect.objectContaining({ kind: 'page_gone' })]);
  });

  it('creates nothing new when the same check runs again or twice at once', async () => {
    const watch = await watchPage('/twice', policyPage());
    harness.site.route('/twice', html(policyPage({ statement: REGION_SOURCING_HEDGED })));
    const outcomes = await Promise.all([checkOnce(harness, watch.id), checkOnce(harness, watch.id)]);
    expect(outcomes.sort()).toEqual(['changed', 'unchanged']);
    expect(await checkOnce(harness, watch.id)).toBe('unchanged');
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 2, flags: 1 });
  });

  it('sends the page validators back and records a 304 as unchanged', async () => {
    harness.site.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' }).end(policyPage());
    });
    const watch = await createWatch(harness, '/etag');
    await waitForCheck(harness, `check:${watch.id}:first`);
    expect(await checkOnce(harness, watch.id)).toBe('unchanged');
    const [last] = await sql<{ http_status: number }>(
      harness,
      'SELECT http_status FROM watch_checks WHERE watch_id = $1 ORDER BY checked_at DESC LIMIT 1',
      [watch.id],
    );
    expect(last.http_status).toBe(304);
  });

  it('marks a watch unhealthy after consecutive failures and healthy again after a success', async () => {
    const watch = await watchPage('/flaky', policyPage());
    harness.site.route('/flaky', {
      status: 200,
      headers: { 'content-type': 'image/png' },
      body: 'not a page',
    });
    for (let check = 0; check < 3; check++) expect(await checkOnce(harness, watch.id)).toBe('failed');
    const unhealthy = await api<{ health: string; consecutiveFailures: number; lastError: string }>(
      harness,
      'GET',
      `/api/watches/${watch.id}`,
    );
    expect(unhealthy.body).toMatchObject({ health: 'unhealthy', consecutiveFailures: 3 });
    expect(unhealthy.body.lastError).toMatch(/image\/png/);
    const listed = await api<{ items: Array<{ id: string }> }>(
      harness,
      'GET',
      '/api/watches?health=unhealthy',
    );
    expect(listed.body.items.map((item) => item.id)).toContain(watch.id);

    harness.site.route('/flaky', html(policyPage()));
    expect(await checkOnce(harness, watch.id)).toBe('unchanged');
    expect((await api<{ health: string }>(harness, 'GET', `/api/watches/${watch.id}`)).body.health).toBe(
      'healthy',
    );
  });
});
