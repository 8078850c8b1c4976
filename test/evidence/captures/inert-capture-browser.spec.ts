import type { Browser } from 'puppeteer-core';
import { inertHtml } from '../../../src/evidence/captures/inert-html';
import { launchChromium, openPage } from '../../support/chromium';
import { FixtureServer, html } from '../../support/fixture-server';
import { hostilePage } from './hostile-page';

/**
 * The served copy of a capture, opened in Chromium with no CSP at all (as a browser that ignored the header
 * would), must not make a single request to anywhere the page names. The raw page opened the same way does:
 * that shows the hostile page and the canary work, so the zero is not an accident of the setup.
 */
describe('an archived copy opened without its CSP', () => {
  let site: FixtureServer;
  let canary: FixtureServer;
  let chromium: { browser: Browser; dialogs: string[]; close(): Promise<void> };

  beforeAll(async () => {
    canary = await FixtureServer.start({ fallback: html('<p>canary</p>') });
    site = await FixtureServer.start();
    site.route('/raw', html(hostilePage(canary.origin)));
    site.route('/served', html(inertHtml(hostilePage(canary.origin))));
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await Promise.all([site?.close(), canary?.close()]);
  });

  async function open(path: string): Promise<void> {
    const page = await openPage(chromium.browser, chromium.dialogs);
    try {
      await page.goto(site.url(path), { waitUntil: 'networkidle0' });
    } finally {
      await page.close();
    }
  }

  it('loads from the canary when it is the raw page (the control)', async () => {
    canary.reset();
    await open('/raw');
    expect(canary.hits()).toBeGreaterThan(10);
  });

  // Issue 15: before, images, stylesheets, @import, media and SVG references were left in the copy.
  it('loads nothing at all from the canary when it is the served copy', async () => {
    canary.reset();
    await open('/served');
    expect(canary.requests.map((request) => request.path)).toEqual([]);
  });
});
