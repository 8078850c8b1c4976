import { Parser } from 'htmlparser2';
import puppeteer from 'puppeteer-core';
import { Agent, request } from 'undici';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRssSampler, runLanes } from './monitoring-probes';

export interface CeilingRun {
  durationsMs: number[];
  elapsedMs: number;
  peakRssBytes: number;
}

/**
 * The ceiling: the same pages fetched by bare loops, no queue, no database, no guard: undici + htmlparser2
 * text for the static pages, one reused Chromium (a fresh page each) for the scripted ones.
 */
export async function bareLoops(
  urls: { staticPages: string[]; scriptedPages: string[] },
  concurrency: number,
) {
  const sampler = peakRssSampler(process.pid);
  const started = performance.now();
  const agent = new Agent();
  const staticDurations = await runLanes(urls.staticPages.length, concurrency, async (i) => {
    const response = await request(urls.staticPages[i], { dispatcher: agent });
    let text = '';
    const parser = new Parser({ ontext: (chunk) => (text += chunk) });
    parser.write(await response.body.text());
    parser.end();
    return text.length;
  });
  await agent.close();
  const profile = mkdtempSync(join(tmpdir(), 'pw-bench-chromium-'));
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
  const scriptedDurations = await runLanes(urls.scriptedPages.length, concurrency, async (i) => {
    const page = await browser.newPage();
    try {
      await page.goto(urls.scriptedPages[i], { waitUntil: 'networkidle2' });
      return await page.evaluate(() => document.body.innerText.length);
    } finally {
      await page.close();
    }
  });
  const elapsedMs = performance.now() - started;
  const peakRssBytes = sampler.stop();
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  return {
    durationsMs: [...staticDurations, ...scriptedDurations],
    elapsedMs,
    peakRssBytes,
  } satisfies CeilingRun;
}
