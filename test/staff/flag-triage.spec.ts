import { Role } from '../../src/identity/auth/role.enum';
import {
  checkOnce,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';
import { createUser, type TestUser } from '../support/auth';
import { unique } from '../support/factories';
import { html } from '../support/fixture-server';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  phoneScreenshot,
  screenshot,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

interface FlagBody {
  id: string;
  status: string;
  resolutionNote: string | null;
  createdEvidenceId: string | null;
}

// Each test waits for two checks of a page rendered in Chromium by the worker.
jest.setTimeout(120_000);

describe('triage of the monitor’s flags and the admin pages, in the browser', () => {
  let harness: Harness;
  let chromium: TestBrowser;
  let admin: TestUser;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await createUser(harness.testApp, Role.Admin);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await harness?.close();
  });

  const baseUrl = () => harness.testApp.baseUrl;

  const api = async <T>(method: string, path: string, as: TestUser): Promise<T> => {
    const response = await fetch(`${baseUrl()}${path}`, { method, headers: as.headers });
    return (await response.json()) as T;
  };

  /** A watched page (rendered in Chromium, so both versions have screenshots) whose statement is weakened. */
  async function raiseFlag(path: string): Promise<FlagBody> {
    harness.site.route(path, html(policyPage()));
    const watch = await createWatch(harness, path, { needsBrowser: true });
    await waitForCheck(harness, `check:${watch.id}:first`, 60_000);
    harness.site.route(path, html(policyPage({ statement: REGION_SOURCING_HEDGED })));
    expect(await checkOnce(harness, watch.id, 60_000)).toBe('changed');
    const [flag] = await sql<{ id: string }>(harness, 'SELECT id FROM flags WHERE watch_id = $1', [watch.id]);
    return api<FlagBody>('GET', `/api/flags/${flag.id}`, harness.reviewer);
  }

  it('shows a flag with its brand, terms, a word-level diff and both screenshots, and dismisses it by keyboard', async () => {
    const flag = await raiseFlag('/sourcing');
    const page = await newPage(chromium.browser);
    await signInAs(page, baseUrl(), harness.reviewer);
    await page.goto(`${baseUrl()}/review/flags`);
    const article = `#flag-${flag.id}`;
    expect(await textOf(page, `${article} h2`)).toContain('Northwind');
    expect(await textOf(page, `${article} .flag-meta`)).toContain('major');
    expect(await page.$eval(`${article} .diff-table`, (table) => table.innerHTML)).toMatch(
      /<del>[^<]*not[^<]*<\/del>/,
    );
    expect(await page.$eval(`${article} .diff-table`, (table) => table.innerHTML)).toMatch(
      /<ins>[^<]*aim to reduce/,
    );
    expect(await page.$$eval(`${article} .screenshots img`, (images) => images.length)).toBe(2);
    await screenshot(page, 'flags-queue');
    await phoneScreenshot(page, 'flags-queue');

    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`flag-${flag.id}`);
    await page.keyboard.press('d');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('note');
    await page.keyboard.type('Wording only; the policy page says the same elsewhere.');
    await clickAndWait(page, `${article} [data-triage-dismiss]`);
    expect(await textOf(page, '.notice.ok')).toContain('The flag is dismissed');
    const resolved = await api<FlagBody>('GET', `/api/flags/${flag.id}`, harness.reviewer);
    expect(resolved).toMatchObject({
      status: 'dismissed',
      resolutionNote: 'Wording only; the policy page says the same elsewhere.',
    });
    await page.close();
  });

  it('refuses a dismissal without a reason, showing the error beside the field', async () => {
    const flag = await raiseFlag('/sourcing-2');
    const page = await newPage(chromium.browser);
    await signInAs(page, baseUrl(), harness.reviewer);
    await page.goto(`${baseUrl()}/review/flags/${flag.id}`);
    await clickAndWait(page, '[data-triage-dismiss]');
    const describedBy = await page.$eval(`#flag-${flag.id}-dismiss-note`, (field) =>
      field.getAttribute('aria-describedby'),
    );
    expect(describedBy).toContain(`flag-${flag.id}-dismiss-note-error`);
    expect(await textOf(page, `#flag-${flag.id}-dismiss-note-error`)).toContain('note is required');

    // Confirming with the c key takes the suggested draft of a softened statement: a new commitment,
    // with the new page as its evidence, both submitted for another reviewer.
    await page.keyboard.press('j');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('c')]);
    expect(await textOf(page, '.notice.ok')).toContain(
      'The flag is confirmed. A commitment and its evidence were drafted from the new page and submitted',
    );
    const resolved = await api<FlagBody>('GET', `/api/flags/${flag.id}`, harness.reviewer);
    expect(resolved.status).toBe('confirmed');
    expect(resolved.createdEvidenceId).toEqual(expect.any(String));
    await page.close();
  });

  it('lets an admin add a user, change a role, disable them, and see and act on watches', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, baseUrl(), admin);
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.$('a[href="/admin/queues"]')).not.toBeNull();
    await screenshot(page, 'admin-home');

    await page.goto(`${baseUrl()}/admin/users`);
    const email = `new-${unique()}@example.org`;
    await page.type('#field-email', email);
    await page.select('#field-role', 'researcher');
    await page.type('#field-password', 'a long enough password 123');
    await clickAndWait(page, 'form[action="/admin/users"] button');
    expect(await textOf(page, '.notice.ok')).toContain(`${email} can now sign in as a researcher`);
    const row = async () =>
      page.$$eval(
        'tbody tr',
        (rows, address) =>
          rows
            .find((r) => r.textContent?.includes(address))
            ?.querySelector('form')
            ?.getAttribute('action') ?? '',
        email,
      );
    const action = await row();
    await page.select(`form[action="${action}"] select`, 'reviewer');
    await clickAndWait(page, `form[action="${action}"] button`);
    expect(await textOf(page, '.notice.ok')).toContain(`${email} is now an active reviewer`);
    await clickAndWait(page, `form[action="${action}"] input[name=disabled] + button`);
    expect(await textOf(page, '.notice.ok')).toContain(`${email} is now disabled`);
    await screenshot(page, 'admin-users');
    await phoneScreenshot(page, 'admin-users');

    await page.goto(`${baseUrl()}/admin/watches`);
    const pause = 'form[action$="/pause"] button';
    await clickAndWait(page, pause);
    expect(await textOf(page, '.notice.ok')).toContain('Paused');
    await clickAndWait(page, 'form[action$="/resume"] button');
    expect(await textOf(page, '.notice.ok')).toContain('Resumed');
    await clickAndWait(page, 'form[action$="/check"] button');
    expect(await textOf(page, '.notice.ok')).toContain('A check is queued');
    await screenshot(page, 'admin-watches');
    await page.close();
  });
});
