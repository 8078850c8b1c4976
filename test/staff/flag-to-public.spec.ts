import { BrandsService } from '../../src/catalogue/brands/brands.service';
import { Role } from '../../src/identity/auth/role.enum';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { createUser, type TestUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { html } from '../support/fixture-server';
import {
  checkOnce,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

// Two checks of a page rendered by the worker, then three people in the browser.
jest.setTimeout(150_000);

/**
 * Issue 13's path (2) through the web pages, with no admin: the monitor flags a softened statement; reviewer
 * v1 confirms it with the suggested draft (a commitment superseding the standing one, open by default on a
 * major flag); reviewer v2 verifies it with its source from the review queue; the public page shows it.
 */
describe('from a flag to a public point, in the browser', () => {
  let harness: Harness;
  let chromium: TestBrowser;
  let v2: TestUser;

  beforeAll(async () => {
    harness = await startHarness();
    v2 = await createUser(harness.testApp, Role.Reviewer);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await harness?.close();
  });

  it('confirms a major flag into a superseding commitment that a second reviewer publishes', async () => {
    const baseUrl = harness.testApp.baseUrl;
    await harness.testApp.app.get(BrandsService).verifyAsSystem(harness.brandSlug, 'test data');
    const standing = await new CatalogueFactory(harness.testApp).verifiedCommitment(
      { brand: harness.brandSlug },
      { type: CommitmentType.PolicyNoRegionSourcing, summary: 'We do not source from the region.' },
    );
    harness.site.route('/statement', html(policyPage()));
    const watch = await createWatch(harness, '/statement');
    await waitForCheck(harness, `check:${watch.id}:first`, 60_000);
    harness.site.route('/statement', html(policyPage({ statement: REGION_SOURCING_HEDGED })));
    expect(await checkOnce(harness, watch.id, 60_000)).toBe('changed');
    const [flag] = await sql<{ id: string }>(harness, 'SELECT id FROM flags WHERE watch_id = $1', [watch.id]);

    const v1Page = await newPage(chromium.browser);
    await signInAs(v1Page, baseUrl, harness.reviewer);
    await v1Page.goto(`${baseUrl}/review/flags/${flag.id}`);
    const card = `#flag-${flag.id}`;
    // Major: the drafting choices are open, the suggestion chosen and the standing statement prefilled.
    expect(await v1Page.$eval(`${card} .resolve details`, (details) => details.open)).toBe(true);
    expect(await v1Page.$eval(`${card} input[name=draft][value=commitment]`, (input) => input.checked)).toBe(
      true,
    );
    expect(
      await v1Page.$eval(`#flag-${flag.id}-supersedes`, (select) => (select as HTMLSelectElement).value),
    ).toBe(standing.id);
    await v1Page.select(`#flag-${flag.id}-type`, 'policy_direct_suppliers_only');
    await screenshot(v1Page, 'flag-to-public-confirm');
    await clickAndWait(v1Page, `${card} [data-triage-confirm]`);
    expect(await textOf(v1Page, '.notice.ok')).toContain('submitted: another reviewer verifies them');
    const [resolved] = await sql<{ created_commitment_id: string }>(
      harness,
      'SELECT created_commitment_id FROM flags WHERE id = $1',
      [flag.id],
    );
    await v1Page.close();

    const v2Page = await newPage(chromium.browser);
    await signInAs(v2Page, baseUrl, v2);
    await v2Page.goto(`${baseUrl}/review`);
    const entry = `#commitment-${resolved.created_commitment_id}`;
    expect(await v2Page.$eval(`${entry} input[name=withSources]`, (input) => input.checked)).toBe(true);
    await clickAndWait(v2Page, `${entry} [data-triage-confirm]`);
    expect(await textOf(v2Page, '.notice.ok')).toContain('The commitment is verified.');
    await v2Page.close();

    const publicPage = await newPage(chromium.browser);
    await publicPage.goto(`${baseUrl}/brands/${harness.brandSlug}`);
    const timeline = await textOf(publicPage, '.timeline');
    expect(timeline).toContain('Own policy covering direct suppliers only');
    expect(await textOf(publicPage, '#points ~ section.indicator')).toContain('15 / 40');
    await screenshot(publicPage, 'flag-to-public-brand');
    await publicPage.close();
  });
});
