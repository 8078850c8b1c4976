import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TestUser } from '../support/auth';

const SCREENSHOTS = path.resolve(__dirname, '../../artifacts/screenshots');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium with the house flags and a throwaway profile; one per test file. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'pw-web-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page in a fresh incognito context: its own cookies, so two people can be signed in at once. */
export async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  page.setDefaultTimeout(20_000);
  return page;
}

export async function signInAs(page: Page, baseUrl: string, user: TestUser): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.type('#field-email', user.email);
  await page.type('#field-password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:not(.link-button)')]);
}

/** Submits the form holding `selector` (a button) and waits for the page that answers. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Saves a screenshot to artifacts/screenshots/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Lazy images below the fold would show as empty boxes in a full-page shot: load them first.
  await page.$$eval('img[loading="lazy"]', (images) => images.forEach((image) => (image.loading = 'eager')));
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The same page at phone width, then back. */
export async function phoneScreenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewport();
  await page.setViewport({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  if (viewport) await page.setViewport(viewport);
}

export function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as HTMLElement).innerText);
}

/** Date inputs take typing in the browser's locale order; set the ISO value as a form would submit it. */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (element, text) => ((element as HTMLInputElement).value = text), value);
}
