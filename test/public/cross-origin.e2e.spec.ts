import type { Page } from 'puppeteer-core';
import { launchChromium, openPage } from '../support/chromium';
import { FixtureServer, html } from '../support/fixture-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildPublicCatalogue, type PublicCatalogue } from './site/public-catalogue';

/** What a page on another origin gets when its script asks us for `path`. */
type CrossOriginFetch = { ok: true; status: number; body: string } | { ok: false; error: string };

describe('clients on other origins', () => {
  let testApp: TestApp;
  let catalogue: PublicCatalogue;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let campaignSite: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    testApp = await startTestApp();
    catalogue = await buildPublicCatalogue(testApp);
    chromium = await launchChromium();
    // A campaign group's site: another port is another origin.
    campaignSite = await FixtureServer.start();
    campaignSite.route(
      '/embed',
      html(`<!doctype html><title>Our campaign</title>
        <p>Alpha's grade: <img id="badge" src="${testApp.baseUrl}/badge/${catalogue.alpha.slug}.svg" alt="grade"></p>
        <p><img id="scaled" style="width: 20em" src="${testApp.baseUrl}/badge/${catalogue.alpha.slug}.svg" alt="grade"></p>`),
    );
    page = await openPage(chromium.browser, chromium.dialogs);
    await page.goto(campaignSite.url('/embed'));
  });
  afterAll(async () => {
    await chromium?.close();
    await campaignSite?.close();
    await testApp?.close();
  });

  const crossOriginFetch = (path: string, credentials: RequestCredentials = 'omit') =>
    page.evaluate(
      async (url: string, mode: RequestCredentials): Promise<CrossOriginFetch> => {
        try {
          const response = await fetch(url, { credentials: mode });
          return { ok: true, status: response.status, body: await response.text() };
        } catch (error: unknown) {
          return { ok: false, error: String(error) };
        }
      },
      `${testApp.baseUrl}${path}`,
      credentials,
    );

  it('shows our badge on their page, with a width, and scales it with a viewBox', async () => {
    expect(new URL(page.url()).origin).not.toBe(new URL(testApp.baseUrl).origin);
    await page.waitForFunction(() =>
      Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
    );
    const sizes = await page.$$eval('img', (images) =>
      images.map((image) => ({ natural: image.naturalWidth, shown: image.getBoundingClientRect().width })),
    );
    expect(sizes[0].natural).toBeGreaterThan(50);
    expect(sizes[0].shown).toBe(sizes[0].natural);
    // 20em at 16px: drawn bigger, not cropped, because the SVG has a viewBox.
    expect(sizes[1].shown).toBe(320);
    const svg = await (await fetch(`${testApp.baseUrl}/badge/${catalogue.alpha.slug}.svg`)).text();
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 [\d.]+ 20"/);
  });

  it('lets their script read a scorecard, the brand list and an export, as an anonymous visitor', async () => {
    const scorecard = await crossOriginFetch(`/api/brands/${catalogue.alpha.slug}/scorecard`);
    expect(scorecard).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse((scorecard as { body: string }).body)).toMatchObject({ grade: 'A' });
    expect(await crossOriginFetch('/api/brands?sector=apparel')).toMatchObject({ ok: true, status: 200 });
    const csv = await crossOriginFetch('/api/export/brands.csv');
    expect(csv).toMatchObject({ ok: true, status: 200 });
    expect((csv as { body: string }).body).toContain(catalogue.alpha.slug);
    // Errors of a public read are readable too, so a script can tell "no such brand" from a network failure.
    expect(await crossOriginFetch('/api/brands/no-such-brand/scorecard')).toMatchObject({
      ok: true,
      status: 404,
    });
  });

  it('keeps signed-in routes and credentialed reads same-origin', async () => {
    expect(await crossOriginFetch('/api/auth/me')).toMatchObject({ ok: false });
    expect(await crossOriginFetch('/login')).toMatchObject({ ok: false });
    expect(await crossOriginFetch(`/api/brands/${catalogue.alpha.slug}/scorecard`, 'include')).toMatchObject({
      ok: false,
    });
  });

  it('sends the cross-origin headers only on public reads', async () => {
    const headersOf = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${testApp.baseUrl}${path}`, init);
      return {
        allowOrigin: response.headers.get('access-control-allow-origin'),
        allowCredentials: response.headers.get('access-control-allow-credentials'),
        resourcePolicy: response.headers.get('cross-origin-resource-policy'),
      };
    };
    const open = { allowOrigin: '*', allowCredentials: null, resourcePolicy: 'cross-origin' };
    const closed = { allowOrigin: null, allowCredentials: null, resourcePolicy: 'same-origin' };
    expect(await headersOf(`/badge/${catalogue.alpha.slug}.svg`)).toEqual(open);
    expect(await headersOf('/feed.atom')).toEqual(open);
    expect(await headersOf('/api/export/brands.json')).toEqual(open);
    expect(await headersOf('/api/companies')).toEqual(open);
    expect(await headersOf('/api/auth/me')).toEqual(closed);
    expect(await headersOf('/api/tokens')).toEqual(closed);
    expect(await headersOf('/research')).toMatchObject({ allowOrigin: null });
    expect(await headersOf('/api/brands', { method: 'POST' })).toEqual(closed);
  });
});
