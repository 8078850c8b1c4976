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
} from '../support/monitoring-harness';
import { notFoundPage, policyPage, REGION_SOURCING_HEDGED, scriptedPage } from '../support/statement-pages';

interface FlagRow {
  kind: string;
  significance: string;
  terms: string[];
  old_snapshot_id: string | null;
  new_snapshot_id: string | null;
  returned_at: Date | null;
}

// One app and worker for the whole file: booting them is most of a test file's time.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('checks of a watched page', () => {
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
      // Not the isotope-testing sentence: dropping a traceability claim is major since issue 16.
      'Northwind Outfitters sells clothing made by 214 suppliers in 11 countries.',
      'Our design team now works from a new studio in Porto, opened with a summer party for neighbours.',
    );
    harness.site.route('/minor', html(changed));
    expect(await checkOnce(harness, watch.id)).toBe('changed');
    expect(await flagsOf(watch.id)).toEqual([
      expect.objectContaining({ kind: 'change', significance: 'minor' }),
    ]);
  });

  it.each([
    ['the date', { updated: '9 April 2025' }],
    ['a cookie banner', { cookieBanner: true }],
    ['a page token', { token: 'zz81b2c3d4e5f6a7b8c9' }],
    [
      'other product tiles',
      { tiles: ['Organic cotton tee €14.95', 'Chino shorts €29.95', 'Rain jacket €89.00'] },
    ],
  ])('stores nothing and flags nothing for a change of %s only', async (_what, noise) => {
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

const STATEMENT = 'We do not source any cotton from the Xinjiang Uyghur Autonomous Region.';
const WEAKENED = 'We aim to reduce cotton from the Xinjiang Uyghur Autonomous Region where possible.';

interface FlagBody {
  id: string;
  kind: string;
  significance: string;
  status: string;
  added: string[];
  removed: string[];
  terms: string[];
  oldSnapshot: { id: string; textUrl: string; screenshotUrl: string | null; via: string } | null;
  newSnapshot: { id: string; textUrl: string; screenshotUrl: string | null; via: string } | null;
  createdEvidenceId: string | null;
  createdCommitmentId: string | null;
}

describe('browser watches and the flags API', () => {
  async function flaggedChange(
    path: string,
    options: Record<string, unknown>,
    before: string,
    after: string,
  ) {
    harness.site.route(path, html(before));
    const watch = await createWatch(harness, path, options);
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    harness.site.route(path, html(after));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('changed');
    const [flag] = await sql<{ id: string }>(harness, 'SELECT id FROM flags WHERE watch_id = $1', [watch.id]);
    return (await api<FlagBody>(harness, 'GET', `/api/flags/${flag.id}`)).body;
  }

  it('renders a JavaScript page in Chromium and flags the weakened statement, with screenshots', async () => {
    const flag = await flaggedChange(
      '/js',
      { needsBrowser: true },
      scriptedPage(STATEMENT),
      scriptedPage(WEAKENED),
    );
    expect(flag).toMatchObject({ kind: 'change', significance: 'major', status: 'open' });
    expect(flag.removed).toContain(STATEMENT);
    expect(flag.added).toContain(WEAKENED);
    expect(flag.newSnapshot?.via).toBe('browser');
    const screenshot = await fetch(`${harness.testApp.baseUrl}${flag.newSnapshot?.screenshotUrl}`, {
      headers: harness.reviewer.headers,
    });
    expect(screenshot.headers.get('content-type')).toBe('image/png');
    const text = await api<string>(harness, 'GET', flag.oldSnapshot?.textUrl ?? '', { as: harness.reviewer });
    expect(text.body).toContain(STATEMENT);
  });

  it('falls back to Chromium when the served HTML has no text', async () => {
    const flag = await flaggedChange('/shell', {}, scriptedPage(STATEMENT), scriptedPage(WEAKENED));
    expect(flag.newSnapshot?.via).toBe('browser');
    expect(flag.significance).toBe('major');
  });

  it('lists flags by status, significance and brand for reviewers', async () => {
    const flag = await flaggedChange(
      '/list',
      {},
      policyPage(),
      policyPage({ statement: REGION_SOURCING_HEDGED }),
    );
    const open = await api<{ items: Array<{ id: string }> }>(
      harness,
      'GET',
      `/api/flags?status=open&significance=major&brand=${harness.brandSlug}`,
      { as: harness.reviewer },
    );
    expect(open.body.items.map((item) => item.id)).toContain(flag.id);
    const minor = await api<{ items: Array<{ id: string }> }>(
      harness,
      'GET',
      '/api/flags?significance=minor',
    );
    expect(minor.body.items.map((item) => item.id)).not.toContain(flag.id);
    expect((await fetch(`${harness.testApp.baseUrl}/api/flags`)).status).toBe(401);
  });

  it('dismisses only with a reason, only by a reviewer, and only once', async () => {
    const flag = await flaggedChange(
      '/dismiss',
      {},
      policyPage(),
      policyPage({ statement: REGION_SOURCING_HEDGED }),
    );
    const path = `/api/flags/${flag.id}/resolve`;
    const byResearcher = await api(harness, 'POST', path, {
      body: { resolution: 'dismissed', note: 'noise' },
    });
    expect(byResearcher.status).toBe(403);
    const noReason = await api<{ details: Array<{ field: string }> }>(harness, 'POST', path, {
      as: harness.reviewer,
      body: { resolution: 'dismissed' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('note');
    const dismissed = await api<FlagBody>(harness, 'POST', path, {
      as: harness.reviewer,
      body: { resolution: 'dismissed', note: 'A translation fix, same meaning' },
    });
    expect(dismissed.body.status).toBe('dismissed');
    const again = await api(harness, 'POST', path, {
      as: harness.reviewer,
      body: { resolution: 'confirmed' },
    });
    expect(again.status).toBe(409);
    const [audit] = await sql<{ action: string }>(
      harness,
      `SELECT action FROM audit_log WHERE entity_id = $1`,
      [flag.id],
    );
    expect(audit.action).toBe('flag.dismiss');
  });

  it('confirms a flag, drafting evidence from the new snapshot and a commitment it supports, both submitted', async () => {
    const flag = await flaggedChange(
      '/confirm',
      {},
      policyPage(),
      policyPage({ statement: REGION_SOURCING_HEDGED }),
    );
    const confirmed = await api<FlagBody>(harness, 'POST', `/api/flags/${flag.id}/resolve`, {
      as: harness.reviewer,
      body: {
        resolution: 'confirmed',
        note: 'The ban became an aim',
        create: {
          commitment: {
            type: 'retraction',
            statedOn: '2025-04-09',
            statedOnPrecision: 'day',
            summary: 'No longer commits to exit the region; only aims to reduce.',
          },
        },
      },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });
    const [evidence] = await sql<{ url: string; status: string }>(
      harness,
      'SELECT url, status FROM evidence WHERE id = $1',
      [confirmed.body.createdEvidenceId],
    );
    // Made in the flag's transaction and already up for review as the confirming reviewer's.
    expect(evidence).toEqual({ url: harness.site.url('/confirm'), status: 'submitted' });
    const links = await sql(harness, 'SELECT * FROM commitment_evidence WHERE commitment_id = $1', [
      confirmed.body.createdCommitmentId,
    ]);
    expect(links).toHaveLength(1);
  });
});
