import type { Page } from 'puppeteer-core';
import { Role } from '../../src/identity/auth/role.enum';
import { policyPage } from '../support/statement-pages';
import { createUser, signIn, type TestUser } from '../support/auth';
import { FixtureServer, html } from '../support/fixture-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  phoneScreenshot,
  screenshot,
  setValue,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

describe('a researcher records a commitment and a reviewer verifies it, in the browser', () => {
  let testApp: TestApp;
  let site: FixtureServer;
  let chromium: TestBrowser;
  let researcher: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    site = await FixtureServer.start();
    site.route('/sustainability', html(policyPage()));
    testApp = await startTestApp({ worker: true, env: { FETCH_ALLOWLIST: site.hostPort } });
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await testApp?.close();
    await site?.close();
  });

  let brandSlug = '';
  let commitmentUrl = '';

  it('signs the researcher in and shows who they are', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    expect(new URL(page.url()).pathname).toBe('/research');
    expect(await textOf(page, '.viewer')).toContain(`${researcher.email} (researcher)`);
    await screenshot(page, 'research-home');
    await page.close();
  });

  it('adds a brand, then a commitment with its evidence, and submits both', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    await clickAndWait(page, 'a[href="/research/brands/new"]');
    await screenshot(page, 'brand-form');
    await page.type('#field-name', 'Northwind Outfitters');
    await page.type('#field-sectors', 'apparel, footwear');
    await page.type('#field-hqCountry', 'gb');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    brandSlug = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(brandSlug).toBe('northwind-outfitters');
    expect(await textOf(page, '.notice.ok')).toContain('saved as a draft');

    await clickAndWait(page, `a[href="/research/brands/${brandSlug}/commitments/new"]`);
    await page.select('#field-type', 'policy_no_region_sourcing');
    await setValue(page, '#field-statedOn', '2024-03-03');
    await page.type(
      '#field-summary',
      'No cotton, yarn or fabric from the Uyghur Region, at any tier, by the end of 2025.',
    );
    await page.click('#field-scope-tiers-0');
    await page.click('#field-scope-tiers-3');
    await page.type('#field-scope-materials', 'cotton, yarn');
    await page.select('#field-scope-coversLabourTransfers', 'true');
    await page.type('#field-evidence-url', site.url('/sustainability'));
    await page.type('#field-evidence-title', 'Responsible sourcing');
    await screenshot(page, 'commitment-form');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    commitmentUrl = page.url();
    expect(commitmentUrl).toMatch(/\/research\/commitments\/[0-9a-f-]{36}$/);
    expect(await textOf(page, 'h1')).toContain('Northwind Outfitters');

    // The capture runs in the worker; the page shows it beside the evidence once it is done.
    await waitFor(
      async () => {
        await page.reload();
        return (await page.$('img[src$="/capture/screenshot"]')) !== null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the capture of the evidence' },
    );
    await page.waitForFunction(() =>
      Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
    );
    await clickAndWait(page, 'form[action$="/submit"] button');
    expect(await textOf(page, '.notice.ok')).toContain('submitted for review, with 1 piece(s) of evidence');
    expect(await textOf(page, '#history-title + ol')).toContain('commitment.submit');
    await screenshot(page, 'commitment-page');
    await phoneScreenshot(page, 'commitment-page');

    await page.goto(`${testApp.baseUrl}/research/brands/${brandSlug}`);
    await clickAndWait(page, 'form[action$="/submit"] button');
    expect(await textOf(page, 'h1')).toContain('submitted');
    await screenshot(page, 'brand-page');
    await page.close();
  });

  it('lets the reviewer verify both from the queue, after which anonymous readers see them', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, reviewer);
    expect(new URL(page.url()).pathname).toBe('/review');
    expect(await page.$$eval('.queue-item', (items) => items.length)).toBe(3);
    await screenshot(page, 'review-queue');
    await phoneScreenshot(page, 'review-queue');

    await verify(page, 'brand');
    await verify(page, 'commitment');
    expect(await textOf(page, '.notice.ok')).toContain('The commitment is verified');

    const brand = await fetch(`${testApp.baseUrl}/api/brands/${brandSlug}`);
    expect(brand.status).toBe(200);
    const timeline = (await (
      await fetch(`${testApp.baseUrl}/api/brands/${brandSlug}/commitments`)
    ).json()) as {
      items: Array<{ type: string; status: string; evidence: unknown[] }>;
    };
    expect(timeline.items).toEqual([
      expect.objectContaining({ type: 'policy_no_region_sourcing', status: 'verified' }),
    ]);

    const publicPage = await newPage(chromium.browser);
    const response = await publicPage.goto(`${testApp.baseUrl}/brands/${brandSlug}`);
    if (response?.status() === 200) {
      expect(await textOf(publicPage, 'main')).toContain('Northwind Outfitters');
      await screenshot(publicPage, 'public-brand-page');
    }
    await publicPage.close();
    await page.close();
  });

  it('shows an entry to its own creator in the queue without letting them verify it (four eyes)', async () => {
    const admin = await createUser(testApp, Role.Admin);
    const created = await fetch(`${testApp.baseUrl}/api/brands`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Contoso Apparel' }),
    });
    const { slug } = (await created.json()) as { slug: string };
    await fetch(`${testApp.baseUrl}/api/brands/${slug}/submit`, { method: 'POST', headers: admin.headers });

    const session = await signIn(testApp, admin.email, admin.password);
    const queue = await (
      await fetch(`${testApp.baseUrl}/review`, { headers: { cookie: session.cookie } })
    ).text();
    const entry = queue.slice(queue.indexOf('Contoso Apparel'));
    expect(entry.slice(0, 800)).toContain('another reviewer must verify or reject it (four-eyes rule)');
    expect(entry.slice(0, 800)).not.toContain('value="verify"');
  });
});

async function verify(page: Page, kind: string): Promise<void> {
  const button = `.queue-item form[action^="/review/${kind}/"] button[value="verify"]`;
  await clickAndWait(page, button);
}
