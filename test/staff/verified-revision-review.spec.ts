import type { Page } from 'puppeteer-core';
import { Role } from '../../src/identity/auth/role.enum';
import { createUser, type TestUser } from '../support/auth';
import { api } from '../support/catalogue-api';
import { CatalogueFactory, unique } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  screenshot,
  setValue,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

/**
 * Issue 15, "verified means reviewed", in the browser: a researcher's edit of a verified brand waits on the
 * research page and in the reviewers' queue, with its old and new values; its author cannot decide it; a
 * reviewer rejects it (a note required, the refusal shown on the page) or verifies it, and only then does
 * the public page change.
 */
describe('a change to a verified brand is decided on the review page', () => {
  let testApp: TestApp;
  let chromium: TestBrowser;
  let r1: TestUser;
  let v1: TestUser;
  let a1: TestUser;
  let make: CatalogueFactory;
  let slug = '';
  const honest = 'https://honest.example/';
  const phishing = 'https://phishing.example/login';
  const moved = 'https://moved.example/';

  beforeAll(async () => {
    testApp = await startTestApp();
    r1 = await createUser(testApp, Role.Researcher);
    v1 = await createUser(testApp, Role.Reviewer);
    a1 = await createUser(testApp, Role.Admin);
    make = new CatalogueFactory(testApp);
    const brand = await make.verifiedBrand({
      name: `Honest ${unique()}`,
      website: honest,
    });
    slug = brand.slug;
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await testApp?.close();
  });

  const publicWebsite = async () => {
    const page = await (await fetch(`${testApp.baseUrl}/brands/${slug}`)).text();
    return [honest, phishing, moved].filter((url) => page.includes(url));
  };

  async function proposeWebsite(page: Page, website: string): Promise<void> {
    await page.goto(`${testApp.baseUrl}/research/brands/${slug}/edit`);
    await setValue(page, '#field-website', website);
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(await textOf(page, '.notice.ok')).toContain('await review');
  }

  /** The revision's entry on the review page, as text. */
  const entry = (page: Page) => textOf(page, `[data-revision="brand/${slug}"]`);

  it('shows the researcher their pending change on the brand page, and the public still sees the verified site', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, r1);
    await proposeWebsite(page, phishing);
    const panel = await textOf(page, '.pending-revision');
    expect(panel).toContain('A change awaits review');
    expect(panel).toContain('(you proposed it)');
    expect(panel).toMatch(new RegExp(`Website\\s+${escape(honest)}\\s+${escape(phishing)}`));
    expect(await publicWebsite()).toEqual([honest]);
    await screenshot(page, 'revision-pending-research-page');
    await page.close();
  });

  it('does not let its author decide it', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, r1);
    const queue = await page.goto(`${testApp.baseUrl}/review`);
    expect(queue?.status()).toBe(403);
    await page.goto(`${testApp.baseUrl}/research/brands/${slug}`);
    expect(await page.$('.pending-revision')).not.toBeNull();
    expect(await page.$('.pending-revision button, .pending-revision form')).toBeNull();
    // A decision posted by hand, with the session's own CSRF token, is refused as well.
    const status = await page.evaluate(async (path) => {
      const token = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
      const body = new URLSearchParams({ _csrf: token, decision: 'verify' });
      return (await fetch(path, { method: 'POST', body })).status;
    }, `/review/revisions/brand/${slug}`);
    expect(status).toBe(403);
    expect(await publicWebsite()).toEqual([honest]);
    await page.close();
  });

  it('shows the reviewer old and new values, and asks for a note to reject', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, v1);
    await page.goto(`${testApp.baseUrl}/review`);
    const text = await entry(page);
    expect(text).toMatch(new RegExp(`Website\\s+${escape(honest)}\\s+${escape(phishing)}`));
    expect(text).toContain(`Proposed by ${r1.email}`);
    await screenshot(page, 'revision-review-queue');

    await clickAndWait(page, `[data-revision="brand/${slug}"] button[value=reject]`);
    expect(await entry(page)).toContain('note is required when rejecting');
    expect(await publicWebsite()).toEqual([honest]);

    await page.type(`[data-revision="brand/${slug}"] textarea[name=note]`, 'Not the brand’s site');
    await clickAndWait(page, `[data-revision="brand/${slug}"] button[value=reject]`);
    expect(await textOf(page, '.notice.ok')).toContain('is rejected');
    expect(await page.$(`[data-revision="brand/${slug}"]`)).toBeNull();
    expect(await publicWebsite()).toEqual([honest]);
    await page.close();
  });

  it('publishes the new value once a reviewer verifies the change', async () => {
    const researcherPage = await newPage(chromium.browser);
    await signInAs(researcherPage, testApp.baseUrl, r1);
    await proposeWebsite(researcherPage, moved);

    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, v1);
    await page.goto(`${testApp.baseUrl}/review`);
    expect(await entry(page)).toMatch(new RegExp(`Website\\s+${escape(honest)}\\s+${escape(moved)}`));
    await page.type(`[data-revision="brand/${slug}"] textarea[name=note]`, 'The brand moved its site');
    await clickAndWait(page, `[data-revision="brand/${slug}"] button[value=verify]`);
    expect(await textOf(page, '.notice.ok')).toContain('is verified');
    expect(await publicWebsite()).toEqual([moved]);

    await researcherPage.goto(`${testApp.baseUrl}/research/brands/${slug}`);
    expect(await researcherPage.$('.pending-revision')).toBeNull();
    await researcherPage.close();
    await page.close();
  });

  // An admin may both edit and review, so four eyes shows on the review page itself.
  it('shows an admin their own change of a verified group without buttons, and another reviewer with them', async () => {
    const company = await make.verifiedCompany({ country: 'DE' });
    const edited = await api(testApp, 'PATCH', `/api/companies/${company.slug}`, {
      body: { country: 'FR' },
      headers: a1.headers,
    });
    expect(edited.status).toBe(200);
    const selector = `[data-revision="company/${company.slug}"]`;

    const own = await newPage(chromium.browser);
    await signInAs(own, testApp.baseUrl, a1);
    await own.goto(`${testApp.baseUrl}/review`);
    expect(await textOf(own, selector)).toMatch(/Headquarters country\s+DE\s+FR/);
    expect(await textOf(own, selector)).toContain('You proposed this change');
    expect(await own.$(`${selector} form`)).toBeNull();
    await own.goto(`${testApp.baseUrl}/research/companies/${company.slug}`);
    expect(await textOf(own, '.pending-revision')).toMatch(/Headquarters country\s+DE\s+FR/);
    // The admin holds the reviewer role, so a decision posted by hand reaches four eyes, which refuses it.
    const refusal = await own.evaluate(async (path) => {
      const token = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
      const body = new URLSearchParams({ _csrf: token, decision: 'verify' });
      const response = await fetch(path, { method: 'POST', body });
      return { status: response.status, text: await response.text() };
    }, `/review/revisions/company/${company.slug}`);
    expect(refusal.status).toBe(403);
    // Refused by the service, past the role guard and the CSRF check: the review page is rendered again.
    expect(refusal.text).toContain('<h1>Review</h1>');
    expect((await api(testApp, 'GET', `/api/companies/${company.slug}`)).body.country).toBe('DE');
    await own.close();

    const other = await newPage(chromium.browser);
    await signInAs(other, testApp.baseUrl, v1);
    await other.goto(`${testApp.baseUrl}/review`);
    expect(await other.$(`${selector} button[value=verify]`)).not.toBeNull();
    await other.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
