import type { Browser, Page } from 'puppeteer-core';
import { startTestApp, TestApp } from '../../support/test-app';
import { launchChromium, openPage, screenshots } from '../../support/chromium';
import { buildPublicCatalogue, HOSTILE, PublicCatalogue } from './public-catalogue';

describe('public pages in Chromium', () => {
  let testApp: TestApp;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let catalogue: PublicCatalogue;
  let page: Page;

  beforeAll(async () => {
    testApp = await startTestApp();
    catalogue = await buildPublicCatalogue(testApp);
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  beforeEach(async () => {
    page = await openPage(browser, chromium.dialogs);
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await chromium?.close();
    await testApp?.close();
  });

  const url = (path: string) => `${testApp.baseUrl}${path}`;
  const text = (selector: string) => page.$eval(selector, (element) => (element as HTMLElement).innerText);

  it('shows the state of things on the home page, with the numbers in words and a search', async () => {
    await page.goto(url('/'));
    expect(await page.title()).toBe('Who has committed? · Pledgewatch');
    // Six verified brands; Alpha (group commitment) and Motorwerk (own policy) are committed.
    expect(await text('main')).toContain('2 of 6 brands we track (33%)');
    expect(await text('.sector-bars')).toContain('1 of 5 (20%)');
    expect(await page.$eval('label[for=home-q]', (label) => label.textContent)).toContain('Search');
    await screenshots(page, 'home');
    await page.type('#home-q', 'gamma');
    await Promise.all([page.waitForNavigation(), page.click('form.search button')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('gamma');
    expect(await text('table.brand-list tbody')).toContain('Gamma Knit');
  });

  it('lets a campaigner filter to "not committed" in a sector, share the URL, reload it and export the same rows', async () => {
    await page.goto(url('/brands'));
    await page.select('#f-sector', 'apparel');
    await page.select('#f-commitment', 'none');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    const shared = new URL(page.url());
    expect(shared.search).toBe('?sector=apparel&commitment=none');
    const listed = await listedSlugs();
    expect(listed.sort()).toEqual(
      [catalogue.beta.slug, catalogue.gamma.slug, catalogue.hostile.slug, catalogue.formula.slug].sort(),
    );
    expect(await text('h1')).toBe('Apparel brands that have not committed');
    await screenshots(page, 'brands-not-committed');

    await page.reload();
    expect(await listedSlugs()).toEqual(listed);
    expect(await page.$eval('#f-commitment', (select) => (select as HTMLSelectElement).value)).toBe('none');

    const csvHref = await page.$eval('a[href^="/api/export/brands.csv"]', (a) => a.href);
    expect(new URL(csvHref).search).toBe(shared.search);
    const csv = await (await fetch(csvHref)).text();
    const exported = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => /^"([^"]*)"/.exec(line)?.[1]);
    expect(exported).toEqual(listed);
  });

  it('filters to "not committed" in one click from any list', async () => {
    await page.goto(url('/brands?sector=automotive'));
    await Promise.all([page.waitForNavigation(), page.click('.quick-filters a:first-child')]);
    expect(new URL(page.url()).search).toBe('?sector=automotive&commitment=none');
    expect(await text('main')).toContain('No brand matches these filters.');
  });

  it("shows a brand's grade, points with their records and evidence, the timeline, and its group's brands", async () => {
    await page.goto(url(`/brands/${catalogue.alpha.slug}`));
    expect(await page.title()).toBe('Alpha Apparel: grade A · Pledgewatch');
    const ogTitle = await page.$eval('meta[property="og:title"]', (meta) => meta.getAttribute('content'));
    expect(ogTitle).toBe('Alpha Apparel: grade A (85/100)');
    const main = await text('main');
    expect(main).toContain('Signed the Call to Action publicly');
    expect(main).toContain('made by its group');
    expect(main).toContain('Tier-1 supplier list');
    expect(await page.$$eval('.timeline > li', (items) => items.length)).toBe(2);
    await screenshots(page, 'brand');
    await page.goto(url(`/brands/${catalogue.alpha.slug}?asOf=2020-12-31`));
    expect(await text('.card-head')).toContain('Not assessed');
  });

  it('generates the methodology page from the weights file', async () => {
    await page.goto(url('/methodology'));
    const main = await text('main');
    expect(main).toContain('Methodology version 1');
    expect(main).toContain('Signed the Call to Action publicly: 40');
    expect(main).toContain('Responded without action: 40%');
    await screenshots(page, 'methodology');
  });

  it('renders hostile names, aliases, summaries, titles and links inert on every page, the feed and the badge', async () => {
    const pages = [
      `/brands/${catalogue.hostile.slug}`,
      `/brands/${catalogue.hostile.slug}?asOf=2021-01-01`,
      `/brands/${catalogue.gamma.slug}`,
      `/brands/${catalogue.alpha.slug}`,
      `/brands?q=${encodeURIComponent('<script>')}`,
      '/brands?commitment=none',
      '/',
      `/badge/${catalogue.hostile.slug}.svg`,
      '/feed.atom',
    ];
    for (const path of pages) {
      await page.goto(url(path));
      const injected = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: document.querySelectorAll('[onerror],[onload]').length,
        jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      }));
      expect({ path, ...injected }).toEqual({ path, scripts: 0, handlers: 0, jsLinks: 0 });
    }
    await page.goto(url(`/brands/${catalogue.hostile.slug}`));
    expect(await text('h1')).toBe(HOSTILE.name);
    expect(await text('main')).toContain(HOSTILE.alias);
    await screenshots(page, 'brand-hostile');

    const atom = await (await fetch(url('/feed.atom'))).text();
    const parsed = await page.evaluate((xml: string) => {
      const document = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        root: document.documentElement.namespaceURI,
        titles: Array.from(document.querySelectorAll('entry > title'), (title) => String(title.textContent)),
      };
    }, atom);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.titles).toContain(`${HOSTILE.name}: Retracted or contradicted a statement`);
    expect(chromium.dialogs).toEqual([]);
  });

  async function listedSlugs(): Promise<string[]> {
    return page.$$eval('table.brand-list tbody th a', (links) =>
      links.map((link) => link.pathname.split('/').pop() ?? ''),
    );
  }
});
