import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FixtureServer } from '../../test/support/fixture-server';
import {
  NO_REGION_SOURCING,
  policyPage,
  REGION_SOURCING_HEDGED,
  scriptedPage,
} from '../../test/support/statement-pages';

/** What a brand may say on its page; switching between them is a change worth a flag. */
const STATEMENTS = [
  NO_REGION_SOURCING,
  REGION_SOURCING_HEDGED,
  'We have found no cotton from the Xinjiang Uyghur Autonomous Region in our supply chain and keep auditing our spinning mills.',
];
const TICK_MS = 5_000;

interface PageState {
  path: string;
  needsBrowser: boolean;
  statement: number;
  updated: string;
  /** Statements the page has actually served (a check can only have seen these). */
  served: Set<number>;
  /** How often the served statement differed from the one served before. */
  servedChanges: number;
  lastServed?: number;
}

/**
 * A brand's site for the soak: one page per watch, every sixth written by a script (Chromium needed). Now
 * and then a page says something else (a new snapshot and a flag expected); more often only its date moves,
 * and every answer carries a fresh page token (noise: no snapshot expected).
 */
export class SoakSite {
  private readonly pages: PageState[] = [];
  private timer?: NodeJS.Timeout;

  private constructor(readonly server: FixtureServer) {}

  static async start(pageCount: number): Promise<SoakSite> {
    const site = new SoakSite(await FixtureServer.start());
    for (let i = 0; i < pageCount; i++) site.addPage(i);
    site.server.route('/evidence', (_req, res: ServerResponse) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(policyPage()),
    );
    return site;
  }

  get watchedPages(): ReadonlyArray<{ path: string; needsBrowser: boolean }> {
    return this.pages;
  }

  /** Statements served and changes of statement seen by the site, per page path. */
  servedByPath(): Map<string, { distinct: number; changes: number }> {
    return new Map(
      this.pages.map((page) => [page.path, { distinct: page.served.size, changes: page.servedChanges }]),
    );
  }

  /** Changes pages at random: a new statement about every `statementEveryMs`, a new date 4x as often. */
  startChanging(statementEveryMs: number): void {
    const statementChance = TICK_MS / statementEveryMs;
    this.timer = setInterval(() => {
      for (const page of this.pages) {
        if (Math.random() < statementChance) page.statement = (page.statement + 1) % STATEMENTS.length;
        if (Math.random() < statementChance * 4) page.updated = new Date().toUTCString().slice(5, 16);
      }
    }, TICK_MS);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.server.close();
  }

  private addPage(i: number): void {
    const page: PageState = {
      path: `/brand-${i}/sourcing`,
      needsBrowser: i % 6 === 5,
      statement: i % STATEMENTS.length,
      updated: '3 March 2024',
      served: new Set(),
      servedChanges: 0,
    };
    this.pages.push(page);
    this.server.route(page.path, (_req, res: ServerResponse) => {
      if (page.lastServed !== undefined && page.lastServed !== page.statement) page.servedChanges += 1;
      page.lastServed = page.statement;
      page.served.add(page.statement);
      const statement = STATEMENTS[page.statement];
      const body = page.needsBrowser
        ? scriptedPage(statement)
        : policyPage({ statement, updated: page.updated, token: randomBytes(10).toString('hex') });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
  }
}
