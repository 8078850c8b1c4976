/**
 * Fetch throughput: our fetchers (SSRF guard, caps, extraction / proxy, isolated context, blocked media) against
 * the bare loops they are built on, same machine, same run, same concurrency, pages from a local fixture server.
 * Pages per second move with whatever else the machine runs, so each side's CPU time per page is reported too:
 * this process's (fetchers, extraction and the fixture server), plus for browser rows the CPU of that side's
 * Chromium process group.
 *   node -r ts-node/register/transpile-only bench/scrapers-fetch.bench.ts [chromium path] [http|browser]
 * (the last argument runs one half; the results file then holds only its rows)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import puppeteer, { type Browser } from 'puppeteer-core';
import { Agent, request } from 'undici';
import { BrowserFetcher } from '../scrapers/browser/browser-fetcher';
import { extractFetched } from '../scrapers/fetch/extract-fetched';
import { HttpFetcher } from '../scrapers/fetch/http-fetcher';
import { FixtureServer, html } from '../test/support/fixture-server';
import { loadAverage } from './support/cli';

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

/** One side of a comparison: the work per page, and the CPU (ms) spent outside this process so far. */
interface Side {
  task: (i: number) => Promise<unknown>;
  outsideCpuMs?: () => number;
}

interface Measured {
  perSecond: number;
  cpuMsPerPage: number;
}

/** Runs `task(i)` for i in [0, total) with `CONCURRENCY` workers: pages per second and CPU ms per page. */
async function throughput(total: number, side: Side): Promise<Measured> {
  let next = 0;
  const outsideBefore = side.outsideCpuMs?.() ?? 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        await side.task(i);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const outside = (side.outsideCpuMs?.() ?? 0) - outsideBefore;
  return { perSecond: total / seconds, cpuMsPerPage: ((cpu.user + cpu.system) / 1000 + outside) / total };
}

/**
 * Best of two rounds each, interleaved, after a warm-up: less sensitive to whatever else the machine does.
 * The CPU figure is the one of the fastest round.
 */
async function compare(total: number, ours: Side, ceiling: Side) {
  await throughput(Math.ceil(total / 8), ours);
  await throughput(Math.ceil(total / 8), ceiling);
  const best = { ours: { perSecond: 0, cpuMsPerPage: 0 }, ceiling: { perSecond: 0, cpuMsPerPage: 0 } };
  for (let round = 0; round < 2; round += 1) {
    const o = await throughput(total, ours);
    if (o.perSecond > best.ours.perSecond) best.ours = o;
    const c = await throughput(total, ceiling);
    if (c.perSecond > best.ceiling.perSecond) best.ceiling = c;
  }
  return best;
}

const CLOCK_TICKS_PER_MS = 100 / 1000;

/**
 * CPU ms of the live processes in a process group, with the children they reaped (Chromium's renderers exit
 * when their page closes). puppeteer starts Chromium in a group of its own, led by the browser process.
 */
function processGroupCpuMs(groupId: number | undefined): number {
  if (groupId === undefined) return 0;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the parenthesised command name: state is field 3, pgrp 5, utime..cstime 14-17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / CLOCK_TICKS_PER_MS;
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
    const withExtraction = await compare(
      HTTP_PAGES,
      {
        task: async (i) => {
          const page = extractFetched(await fetcher.fetch(url(i)));
          if (!page || page.sentences.length === 0) throw new Error('no text extracted');
        },
      },
      {
        task: async (i) => {
          const response = await request(url(i), { dispatcher: agent });
          const text = bareText(await response.body.text());
          if (text.length === 0) throw new Error('no text extracted');
        },
      },
    );
    const fetchOnly = await compare(
      HTTP_PAGES,
      { task: (i) => fetcher.fetch(url(i)) },
      { task: async (i) => (await request(url(i), { dispatcher: agent })).body.text() },
    );
    return [
      ...rows('static pages through HTTP fetch + extraction', withExtraction),
      ...rows('static pages through HTTP fetch alone (no extraction either side)', fetchOnly),
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
    const ours: Side = {
      task: oursRender(fetcher, url),
      outsideCpuMs: () => processGroupCpuMs(fetcher.browserPid()),
    };
    const bareCpu = (): number => processGroupCpuMs(browser.process()?.pid);
    const shared = await compare(BROWSER_PAGES, ours, {
      task: (i) => bareRender(browser, url(i), false),
      outsideCpuMs: bareCpu,
    });
    // The same bare loop, but with a fresh incognito context per page (what our fetcher did before it kept
    // its contexts and cleared them instead).
    const isolated = await compare(BROWSER_PAGES, ours, {
      task: (i) => bareRender(browser, url(i), true),
      outsideCpuMs: bareCpu,
    });
    return [
      ...rows('script-rendered pages through the browser fetcher', shared),
      ...rows('same, ceiling opens a fresh incognito context per page', isolated),
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

/** Throughput (ratio ours/ceiling) and CPU per page (ratio ceiling/ours, so 1 is as frugal as the ceiling). */
function rows(figure: string, measured: { ours: Measured; ceiling: Measured }): Row[] {
  const { ours, ceiling } = measured;
  return [
    {
      figure,
      unit: 'pages/s',
      ours: round(ours.perSecond),
      ceiling: round(ceiling.perSecond),
      ratio: round(ours.perSecond / ceiling.perSecond),
    },
    {
      figure: `${figure}: CPU per page (ratio = ceiling / ours)`,
      unit: 'CPU ms/page',
      ours: round(ours.cpuMsPerPage, 3),
      ceiling: round(ceiling.cpuMsPerPage, 3),
      ratio: round(ceiling.cpuMsPerPage / ours.cpuMsPerPage),
    },
  ];
}

function round(n: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(n * scale) / scale;
}

async function main(): Promise<void> {
  const executablePath = process.argv[2] || '/usr/bin/chromium';
  const fixture = await FixtureServer.start();
  for (let i = 0; i < PAGE_VARIANTS; i += 1) {
    fixture.route(`/static/${i}`, html(staticPage(i)));
    fixture.route(`/script/${i}`, html(scriptPage(i)));
  }
  const only = process.argv[3] as 'http' | 'browser' | undefined;
  try {
    const loadBefore = loadAverage(', ');
    const rows = [
      ...(only === 'browser' ? [] : await benchHttp(fixture)),
      ...(only === 'http' ? [] : await benchBrowser(fixture, executablePath)),
    ];
    console.log(
      `concurrency ${CONCURRENCY}; ceiling = bare undici + htmlparser2 text / bare puppeteer-core, one browser`,
    );
    console.log(
      `load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage(', ')} after, on a 2-core machine`,
    );
    console.table(rows);
    console.log('goals: HTTP ratio >= 0.5, browser ratio >= 0.8 (pages/s rows)');
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
