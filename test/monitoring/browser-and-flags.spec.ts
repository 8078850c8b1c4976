import { html } from '../support/fixture-server';
import { api, checkOnce, createWatch, sql, startHarness, waitForCheck, type Harness } from './harness';
import { policyPage, REGION_SOURCING_HEDGED, scriptedPage } from './pages';

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
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

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

  it('confirms a flag, creating draft evidence from the new snapshot and a commitment it supports', async () => {
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
    expect(evidence).toEqual({ url: harness.site.url('/confirm'), status: 'draft' });
    const links = await sql(harness, 'SELECT * FROM commitment_evidence WHERE commitment_id = $1', [
      confirmed.body.createdCommitmentId,
    ]);
    expect(links).toHaveLength(1);
  });
});
