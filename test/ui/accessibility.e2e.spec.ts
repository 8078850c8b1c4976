import axe from 'axe-core';
import type { Page } from 'puppeteer-core';
import { Role } from '../../src/identity/auth/role.enum';
import { buildPublicCatalogue, type PublicCatalogue } from '../public/site/public-catalogue';
import { newPage, launchBrowser, signInAs, type TestBrowser } from '../staff/browser';
import { createUser } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

interface AccessibilityNode {
  role?: string;
  name?: string;
  children?: AccessibilityNode[];
}

function spokenText(node: AccessibilityNode | null): string[] {
  if (!node) return [];
  if (node.role === 'StaticText') return [node.name ?? ''];
  return (node.children ?? []).flatMap(spokenText);
}

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * axe-core over the main pages in Chromium, a regression guard: the pages had 0 violations when this test was
 * written, and a change that adds one fails here with the rule and the elements.
 */
describe('accessibility of the main pages (axe-core)', () => {
  let testApp: TestApp;
  let catalogue: PublicCatalogue;
  let browser: TestBrowser;

  beforeAll(async () => {
    testApp = await startTestApp();
    catalogue = await buildPublicCatalogue(testApp);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** axe's violations on the page at `path`; our CSP allows no injected script, so the page's is bypassed. */
  async function violationsAt(page: Page, path: string): Promise<Violation[]> {
    await page.goto(`${testApp.baseUrl}${path}`);
    await page.evaluate(axe.source);
    return page.evaluate(async () => {
      const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
    });
  }

  it('finds no violation on the public pages, and the grade is read as "Grade A"', async () => {
    const page = await newPage(browser.browser);
    await page.setBypassCSP(true);
    for (const path of [
      '/',
      '/brands',
      '/brands?sector=apparel&commitment=none',
      `/brands/${catalogue.alpha.slug}`,
      `/brands/${catalogue.hostile.slug}`,
      '/methodology',
      '/login',
    ]) {
      expect({ path, violations: await violationsAt(page, path) }).toEqual({ path, violations: [] });
    }
    await page.goto(`${testApp.baseUrl}/brands/${catalogue.alpha.slug}`);
    const tile = await page.$('.card-head .grade');
    const snapshot = await page.accessibility.snapshot({ root: tile ?? undefined, interestingOnly: false });
    // What a screen reader reads out: the text in the accessibility tree, not only a label it may skip.
    expect(spokenText(snapshot).join(' ')).toBe('Grade A');
  });

  it('finds no violation on the staff pages', async () => {
    const admin = await createUser(testApp, Role.Admin);
    const page = await newPage(browser.browser);
    await page.setBypassCSP(true);
    await signInAs(page, testApp.baseUrl, admin);
    for (const path of [
      '/research',
      '/research/brands/new',
      `/research/brands/${catalogue.alpha.slug}`,
      '/research/evidence/new',
      '/research/import',
      '/review',
      '/review/flags',
      '/admin',
      '/admin/users',
      '/admin/watches',
    ]) {
      expect({ path, violations: await violationsAt(page, path) }).toEqual({ path, violations: [] });
    }
  });
});
