/**
 * Fetch throughput: our fetchers (SSRF guard, caps, extraction / proxy, fresh context, blocked media) against
 * the bare loops they are built on, same machine, same run, same concurrency, pages from a local fixture server.
 *   node -r ts-node/register/transpile-only bench/scrapers-fetch.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import puppeteer, { type Browser } from 'puppeteer-core';
import { Agent, request } from 'undici';
import { BrowserFetcher } from '../scrapers/browser/browser-fetcher';
import { extractFetched } from '../scrapers/fetch/extract-fetched';
import { HttpFetcher } from '../scrapers/fetch/http-fetcher';
import { FixtureServer, html } from '../test/support/fixture-server';

const CONCURRENCY = 8;
const HTTP_PAGES = 1200;
const BROWSER_PAGES = 96;
const PAGE_VARIANTS = 50;

interface Row {
  figure: string;
  unit: string;
  ours: number;
  ceiling: number;
  ratio: number;
}

function staticPage(i: number): string {
  const paragraphs = Array.from(
    { length: 40 },
    (_, p) =>
      `<p>Paragraph ${p} of page ${i}: we map our supply chain to the raw-material level and do not source cotton, yarn or fabric from the Uyghur Region. Suppliers are audited every year and the list is published.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Policy ${i}</title><style>body{font:16px sans-serif}</style>
<script>window.analytics = [];</script></head><body><nav><a href="/">Home</a> | <a href="/shop">Shop</a></nav>
<main><h1>Responsible sourcing ${i}</h1>${paragraphs}</main><footer>© 2025 Brand ${i}. All rights reserved.</footer></body></html>`;
}

function scriptPage(i: number): string {
  return `<!doctype html><html lang="en"><head><title>App ${i}</title></head><body><div id="root">Loading</div><script>
  const root = document.getElementById('root');
  root.innerHTML = Array.from({ length: 30 }, (_, p) => '<p>Rendered paragraph ' + p + ' of page ${i}: we joined the Call to Action.</p>').join('');
</script></body></html>`;
}

/** Runs `task(i)` for i in [0, total) with `CONCURRENCY` workers; returns items per second. */
async function throughput(total: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        await task(i);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return total / seconds;
}

/** Best of two rounds each, interleaved, after a warm-up: less sensitive to whatever else the machine does. */
async function compare(
  total: number,
  ours: (i: number) => Promise<unknown>,
  ceiling: (i: number) => Promise<unknown>,
) {
  await throughput(Math.ceil(total / 8), ours);
  await throughput(Math.ceil(total / 8), ceiling);
  const results = { ours: 0, ceiling: 0 };
  for (let round = 0; round < 2; round += 1) {
    results.ours = Math.max(results.ours, await throughput(total, ours));
    results.ceiling = Math.max(results.ceiling, await throughput(total, ceiling));
  }
  return results;
}

function bareText(markup: string): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new Parser({
    onopentag: (name) => {
      if (name === 'script' || name === 'style') skip += 1;
    },
    onclosetag: (name) => {
      if (name === 'script' || name === 'style') skip -= 1;
    },
    ontext: (text) => {
      if (skip === 0) parts.push(text);
    },
  });
  parser.end(markup);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

async function benchHttp(fixture: FixtureServer): Promise<Row[]> {
  const fetcher = new HttpFetcher({ allowlist: [fixture.hostPort] });
  const agent = new Agent({ connections: CONCURRENCY });
  const url = (i: number): string => fixture.url(`/static/${i % PAGE_VARIANTS}`);
  try {
    const { ours, ceiling } = await compare(
      HTTP_PAGES,
      async (i) => {
        const page = extractFetched(await fetcher.fetch(url(i)));
        if (!page || page.sentences.length === 0) throw new Error('no text extracted');
      },
      async (i) => {
        const response = await request(url(i), { dispatcher: agent });
        const text = bareText(await response.body.text());
        if (text.length === 0) throw new Error('no text extracted');
      },
    );
    const fetchOnly = await compare(
      HTTP_PAGES,
      (i) => fetcher.fetch(url(i)),
      async (i) => (await request(url(i), { dispatcher: agent })).body.text(),
    );
    return [
      row('static pages through HTTP fetch + extraction', ours, ceiling),
      row(
        'static pages through HTTP fetch alone (no extraction either side)',
        fetchOnly.ours,
        fetchOnly.ceiling,
      ),
    ];
  } finally {
    await fetcher.close();
    await agent.close();
  }
}

async function benchBrowser(fixture: FixtureServer, executablePath: string): Promise<Row[]> {
  const fetcher = new BrowserFetcher({
    executablePath,
    allowlist: [fixture.hostPort],
    waitUntil: 'load',
    maxPagesPerBrowser: 1000,
  });
  const browser: Browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const url = (i: number): string => fixture.url(`/script/${i % PAGE_VARIANTS}`);
  try {
    const { ours, ceiling } = await compare(BROWSER_PAGES, oursRender(fetcher, url), (i) =>
      bareRender(browser, url(i), false),
    );
    // The same bare loop, but with the isolation we insist on (a fresh incognito context per page).
    const isolated = await compare(BROWSER_PAGES, oursRender(fetcher, url), (i) =>
      bareRender(browser, url(i), true),
    );
    return [
      row('script-rendered pages through the browser fetcher', ours, ceiling),
      row('same, ceiling also opens a fresh incognito context per page', isolated.ours, isolated.ceiling),
    ];
  } finally {
    await fetcher.close();
    await browser.close();
  }
}

function oursRender(fetcher: BrowserFetcher, url: (i: number) => string): (i: number) => Promise<void> {
  return async (i) => {
    const result = await fetcher.fetch(url(i));
    if (!result.renderedText?.includes('Rendered paragraph') || !result.screenshot)
      throw new Error('not rendered');
  };
}

/** The bare Puppeteer loop: navigate, innerText, full-page screenshot, close. */
async function bareRender(browser: Browser, url: string, isolated: boolean): Promise<void> {
  const context = isolated ? await browser.createBrowserContext() : undefined;
  const page = context ? await context.newPage() : await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(url, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.body.innerText);
    const png = await page.screenshot({ type: 'png', fullPage: true });
    if (!text.includes('Rendered paragraph') || png.length === 0) throw new Error('not rendered');
  } finally {
    await (context ?? page).close();
  }
}

function row(figure: string, ours: number, ceiling: number): Row {
  return {
    figure,
    unit: 'pages/s',
    ours: round(ours),
    ceiling: round(ceiling),
    ratio: round(ours / ceiling),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function main(): Promise<void> {
  const executablePath = process.argv[2] ?? '/usr/bin/chromium';
  const fixture = await FixtureServer.start();
  for (let i = 0; i < PAGE_VARIANTS; i += 1) {
    fixture.route(`/static/${i}`, html(staticPage(i)));
    fixture.route(`/script/${i}`, html(scriptPage(i)));
  }
  try {
    const rows = [...(await benchHttp(fixture)), ...(await benchBrowser(fixture, executablePath))];
    console.log(
      `concurrency ${CONCURRENCY}; ceiling = bare undici + htmlparser2 text / bare puppeteer-core, one browser`,
    );
    console.table(rows);
    console.log('goals: HTTP ratio >= 0.5, browser ratio >= 0.8');
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'scrapers-fetch.json'),
      `${JSON.stringify({ name: 'scrapers-fetch', rows }, null, 2)}\n`,
    );
  } finally {
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
