import type { Command } from 'commander';
import {
  BrowserFetcher,
  botWallOfFetched,
  HttpFetcher,
  extractFetched,
  isFetchError,
  type FetchResult,
} from '../../../../scrapers';
import { loadAppConfig } from '../../../platform/config/app-config';

interface FetchCommandOptions {
  browser?: boolean;
  selector?: string;
}

/**
 * `npm run cli -- fetch URL [--browser] [--selector CSS]`: what the monitor would read on a page, for a
 * researcher setting up a watch. Same fetchers, same SSRF guard, same extraction as the worker.
 */
export function registerFetchCommand(program: Command): void {
  program
    .command('fetch')
    .description('Fetch a page as the monitor would and print its metadata and extracted text')
    .argument('<url>', 'http(s) URL of the page')
    .option('--browser', 'render the page in Chromium (for pages that need JavaScript)')
    .option('--selector <css>', 'scope extraction to this CSS selector, as a watch would')
    .action(async (url: string, options: FetchCommandOptions) => {
      const config = loadAppConfig();
      try {
        const result = options.browser
          ? await withBrowser(config.chromiumPath, config.fetchAllowlist, url)
          : await withHttp(config.fetchAllowlist, url);
        process.stdout.write(describe(result, options.selector));
      } catch (error) {
        if (!isFetchError(error)) throw error;
        throw new Error(`Could not fetch ${url}: ${error.reason} (${error.kind})`, { cause: error });
      }
    });
}

async function withHttp(allowlist: string[], url: string): Promise<FetchResult> {
  const fetcher = new HttpFetcher({ allowlist });
  try {
    return await fetcher.fetch(url);
  } finally {
    await fetcher.close();
  }
}

async function withBrowser(executablePath: string, allowlist: string[], url: string): Promise<FetchResult> {
  const fetcher = new BrowserFetcher({ executablePath, allowlist });
  try {
    return await fetcher.fetch(url, { screenshot: false });
  } finally {
    await fetcher.close();
  }
}

function describe(result: FetchResult, selector: string | undefined): string {
  const page = extractFetched(result, { selector });
  const rows: Array<[string, string]> = [
    ['final URL', result.finalUrl],
    ['status', String(result.status)],
    ['content type', result.contentType || '-'],
    ['fetched via', result.via],
  ];
  if (result.redirects.length > 0) rows.push(['redirects', result.redirects.join(' -> ')]);
  // What the monitor would record as a `blocked` check (issue 16).
  const wall = page ? botWallOfFetched(result, selector ? undefined : page) : undefined;
  if (wall) rows.push(['blocked by', `${wall.vendor} (${wall.reason})`]);
  if (page) {
    rows.push(
      ['title', page.title || '-'],
      ['language', page.language],
      ['sentences', String(page.sentences.length)],
    );
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const header = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n');
  return `${header}\n\n${page ? page.mainText : '(not modified)'}\n`;
}
