import { minimalPdf } from '../fixtures/fetch/minimal-pdf';
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
import { policyPage } from '../support/statement-pages';

const STATEMENT = [
  'Modern Slavery Statement 2026',
  'Northwind Outfitters does not source cotton from the Xinjiang Uyghur Autonomous Region.',
  'We publish the names and addresses of our tier 1 and tier 2 suppliers twice a year.',
  'Our stores in Leeds and York opened in the spring.',
];
const pdf = (lines: string[]) => ({
  headers: { 'content-type': 'application/pdf' },
  body: minimalPdf(lines),
});

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

/** Modern slavery statements are PDFs (issue 16): compared sentence by sentence like a page. */
describe('watches on PDF statements', () => {
  const flagsOf = (watchId: string) =>
    sql<{ significance: string; reasons: string[] }>(harness, 'SELECT * FROM flags WHERE watch_id = $1', [
      watchId,
    ]);

  async function watchPdf(path: string, lines: string[]) {
    harness.site.route(path, pdf(lines));
    const watch = await createWatch(harness, path);
    expect(await waitForCheck(harness, `check:${watch.id}:first`, 40_000)).toBe('changed');
    return watch;
  }

  it('raises one major flag naming the sentence when the statement in the PDF is softened', async () => {
    const watch = await watchPdf('/statement-edited.pdf', STATEMENT);
    const edited = [...STATEMENT];
    edited[1] =
      'Northwind Outfitters aims to reduce sourcing of cotton from the Xinjiang Uyghur Autonomous Region.';
    harness.site.route('/statement-edited.pdf', pdf(edited));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('changed');
    const flags = await flagsOf(watch.id);
    expect(flags).toHaveLength(1);
    expect(flags[0].significance).toBe('major');
    expect(flags[0].reasons.join(' ')).toContain('aims to reduce sourcing');
  });

  it('raises a minor flag for a PDF edit away from the statement', async () => {
    const watch = await watchPdf('/statement-minor.pdf', STATEMENT);
    const edited = [...STATEMENT];
    edited[3] = 'Our stores in Leeds, York and Hull opened in the spring.';
    harness.site.route('/statement-minor.pdf', pdf(edited));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('changed');
    expect((await flagsOf(watch.id)).map((flag) => flag.significance)).toEqual(['minor']);
  });

  it('records a PDF that became images without text as unreadable, not as the statement removed', async () => {
    const watch = await watchPdf('/statement-scanned.pdf', STATEMENT);
    harness.site.route('/statement-scanned.pdf', pdf([]));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('unreadable');
    expect(await counts(harness, watch.id)).toMatchObject({ snapshots: 1, flags: 0 });
    const { body } = await api<{ goneSince: string | null; health: string }>(
      harness,
      'GET',
      `/api/watches/${watch.id}`,
    );
    expect(body).toMatchObject({ goneSince: null, health: 'healthy' });
    harness.site.route('/statement-scanned.pdf', pdf(STATEMENT));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('unchanged');
  });

  it('raises a major flag when the statement page becomes only a link to a PDF', async () => {
    harness.site.route('/statement', html(policyPage()));
    const watch = await createWatch(harness, '/statement');
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    harness.site.route(
      '/statement',
      html(`<!DOCTYPE html><html lang="en"><head><title>Responsible sourcing | Northwind</title></head><body>
<main><h1>Responsible sourcing</h1><p><a href="/statement-2026.pdf">Read our Modern Slavery Statement 2026 (PDF, 2.1 MB)</a></p></main>
</body></html>`),
    );
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('changed');
    const [flag] = await flagsOf(watch.id);
    expect(flag.significance).toBe('major');
    expect(flag.reasons.join(' ')).toContain('only a link to a document');
  });
});
