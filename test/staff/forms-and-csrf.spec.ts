import { Role } from '../../src/identity/auth/role.enum';
import { createUser, signIn, type TestUser } from '../support/auth';
import { FixtureServer, html } from '../support/fixture-server';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  phoneScreenshot,
  screenshot,
  setValue,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

describe('forms: errors beside their fields, what was typed kept, and CSRF refused', () => {
  let testApp: TestApp;
  let otherSite: FixtureServer;
  let chromium: TestBrowser;
  let researcher: TestUser;

  beforeAll(async () => {
    otherSite = await FixtureServer.start();
    testApp = await startTestApp({ worker: true });
    researcher = await createUser(testApp, Role.Researcher);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await testApp?.close();
    await otherSite?.close();
  });

  it('re-shows the sign-in form with the error and the email kept after bad credentials', async () => {
    const page = await newPage(chromium.browser);
    await page.goto(`${testApp.baseUrl}/login`);
    await page.type('#field-email', researcher.email);
    await page.type('#field-password', 'not the password');
    await clickAndWait(page, 'form[action="/login"] button');
    expect(await textOf(page, '.error-summary')).toContain('Email or password is incorrect');
    expect(await page.$eval('#field-email', (input) => (input as HTMLInputElement).value)).toBe(
      researcher.email,
    );
    expect(await page.$eval('#field-password', (input) => (input as HTMLInputElement).value)).toBe('');
    await screenshot(page, 'login-error');
    await phoneScreenshot(page, 'login-error');
    await page.close();
  });

  it('sends a visitor who is not signed in to the sign-in page and back to where they were going', async () => {
    const page = await newPage(chromium.browser);
    await page.goto(`${testApp.baseUrl}/research/brands/new`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.type('#field-email', researcher.email);
    await page.type('#field-password', researcher.password);
    await clickAndWait(page, 'form[action="/login"] button');
    expect(new URL(page.url()).pathname).toBe('/research/brands/new');
    await page.close();
  });

  it('shows each problem beside its field, linked by aria-describedby, and keeps what was typed (without JavaScript)', async () => {
    const page = await newPage(chromium.browser);
    await page.setJavaScriptEnabled(false);
    await signInAs(page, testApp.baseUrl, researcher);
    await page.goto(`${testApp.baseUrl}/research/brands/new`);
    await page.type('#field-name', 'Fabrikam');
    await page.type('#field-website', 'not a web address');
    await page.type('#field-hqCountry', 'XX');
    await page.type('#field-sectors', 'Apparel!');
    await clickAndWait(page, 'form.stacked button[type=submit]');

    for (const name of ['website', 'hqCountry', 'sectors']) {
      const field = `#field-${name}`;
      expect(await page.$eval(field, (input) => input.getAttribute('aria-invalid'))).toBe('true');
      const describedBy = await page.$eval(field, (input) => input.getAttribute('aria-describedby') ?? '');
      expect(describedBy.split(' ')).toContain(`field-${name}-error`);
      expect((await textOf(page, `#field-${name}-error`)).length).toBeGreaterThan(0);
    }
    expect(await textOf(page, '#field-website-error')).toContain('website');
    expect(await page.$eval('#field-name', (input) => (input as HTMLInputElement).value)).toBe('Fabrikam');
    expect(await page.$eval('#field-website', (input) => (input as HTMLInputElement).value)).toBe(
      'not a web address',
    );
    expect(await page.$eval('#field-name', (input) => input.getAttribute('aria-invalid'))).toBeNull();
    await screenshot(page, 'brand-form-errors');
    await phoneScreenshot(page, 'brand-form-errors');

    // Fixed, the same form goes through and lands on the brand with a flash message (POST-redirect-GET).
    await page.$eval(
      '#field-website',
      (input) => ((input as HTMLInputElement).value = 'https://fabrikam.example'),
    );
    await page.$eval('#field-hqCountry', (input) => ((input as HTMLInputElement).value = 'DE'));
    await page.$eval('#field-sectors', (input) => ((input as HTMLInputElement).value = 'apparel'));
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/research/brands/fabrikam');
    expect(await textOf(page, '.notice.ok')).toContain('Fabrikam is saved as a draft');
    await page.close();
  });

  it('refuses a form post that carries the session cookie but no CSRF token', async () => {
    const session = await signIn(testApp, researcher.email, researcher.password);
    const response = await fetch(`${testApp.baseUrl}/research/brands`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: session.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      body: new URLSearchParams({ name: 'Forged Brand' }).toString(),
    });
    expect(response.status).toBe(403);
    const withToken = await fetch(`${testApp.baseUrl}/research/brands`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'Honest Brand', _csrf: session.csrfToken }).toString(),
    });
    expect(withToken.status).toBe(303);
    expect(await brandExists('forged-brand')).toBe(false);
  });

  it('refuses a form that another site auto-submits to the app in the signed-in browser', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    otherSite.route(
      '/attack',
      html(`<!doctype html><html><body>
        <form id="f" method="post" action="${testApp.baseUrl}/research/brands">
          <input name="name" value="Cross Site Brand">
        </form>
        <script>document.getElementById('f').submit();</script>
      </body></html>`),
    );
    const answered = page.waitForResponse(
      (response) => response.url() === `${testApp.baseUrl}/research/brands`,
    );
    await page.goto(otherSite.url('/attack'));
    expect((await answered).status()).toBe(403);
    expect(await brandExists('cross-site-brand')).toBe(false);
    await page.close();
  });

  it('refuses a sign-in posted without the sign-in form’s own token (login CSRF)', async () => {
    const response = await fetch(`${testApp.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: researcher.email, password: researcher.password }).toString(),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie') ?? '').not.toContain('pw_session=s');
  });

  async function brandExists(slug: string): Promise<boolean> {
    const response = await fetch(`${testApp.baseUrl}/api/brands/${slug}`, { headers: researcher.headers });
    return response.status === 200;
  }

  it('records a finding of a brand from its form, attaches logged evidence to it and submits both', async () => {
    const catalogue = new CatalogueFactory(testApp);
    const brand = await catalogue.verifiedBrand();
    const evidence = await catalogue.evidenceItem();
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    await page.goto(`${testApp.baseUrl}/research/brands/${brand.slug}/findings/new`);
    expect(await textOf(page, 'h1')).toContain(brand.name);
    await page.select('#field-kind', 'named_in_report');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(await page.$eval('#field-finding', (input) => input.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#field-kind', (select) => (select as HTMLSelectElement).value)).toBe(
      'named_in_report',
    );

    await page.type('#field-reportName', 'Uyghurs for Sale');
    await setValue(page, '#field-publishedOn', '2020-03-01');
    await page.type(
      '#field-finding',
      'A supplier of the brand was named as using transferred Uyghur workers.',
    );
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(page.url()).toMatch(/\/research\/findings\/[0-9a-f-]{36}$/);
    expect(await textOf(page, '.notice.ok')).toContain('The finding is saved as a draft');

    await page.type('#field-evidence', evidence.id);
    await clickAndWait(page, 'form[action$="/evidence"] button');
    expect(await textOf(page, '.notice.ok')).toContain('The evidence is attached.');
    await clickAndWait(page, 'form[action$="/submit"] button');
    expect(await textOf(page, '.notice.ok')).toContain('The finding is submitted for review.');
    expect(await textOf(page, '#history-title + ol')).toContain('exposure_finding.submit');
    await page.close();
  });

  it('adds a company group from its form, edits it, and submits it, with each step in its history', async () => {
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    await page.goto(`${testApp.baseUrl}/research/companies/new`);
    await page.type('#field-name', 'Contoso Holdings');
    await page.type('#field-country', 'gb');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/research/companies/contoso-holdings');
    expect(await textOf(page, '.notice.ok')).toContain('Contoso Holdings is saved as a draft.');

    await clickAndWait(page, 'a[href="/research/companies/contoso-holdings/edit"]');
    await page.type('#field-website', 'not a web address');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(await page.$eval('#field-website', (input) => input.getAttribute('aria-invalid'))).toBe('true');
    await setValue(page, '#field-website', 'https://contoso.example');
    await clickAndWait(page, 'form.stacked button[type=submit]');
    expect(await textOf(page, '.notice.ok')).toContain('Changes to Contoso Holdings are saved.');
    expect(await textOf(page, 'dl')).toContain('https://contoso.example');

    await clickAndWait(page, 'form[action$="/submit"] button');
    expect(await textOf(page, '.notice.ok')).toContain('Contoso Holdings is submitted for review.');
    const history = await textOf(page, '#history-title + ol');
    for (const action of ['company.create', 'company.update', 'company.submit'])
      expect(history).toContain(action);
    await page.close();
  });
});
