import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const SCREENSHOTS = path.resolve(__dirname, '../../artifacts/screenshots');

/**
 * Debian's Chromium with the house flags and a throwaway profile, and every page it opens watched for
 * dialogs (alert/confirm/prompt): data must never be able to open one.
 */
export async function launchChromium(): Promise<{
  browser: Browser;
  dialogs: string[];
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(path.join(tmpdir(), 'pw-public-chromium-'));
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
  const dialogs: string[] = [];
  browser.on('targetcreated', (target) => {
    void target.page().then((page) =>
      page?.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
  });
  return {
    browser,
    dialogs,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function openPage(browser: Browser, dialogs: string[], width = 1280): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewport({ width, height: 900 });
  page.setDefaultTimeout(20_000);
  return page;
}

/** Full-page screenshots at desktop and phone width into artifacts/screenshots/ (git-ignored), to look at. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `public-${name}.png`), fullPage: true });
  const viewport = page.viewport();
  await page.setViewport({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `public-${name}-phone.png`), fullPage: true });
  if (viewport) await page.setViewport(viewport);
}
