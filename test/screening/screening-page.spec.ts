import path from 'node:path';
import { Role } from '../../src/identity/auth/role.enum';
import { ScreeningImportsService } from '../../src/screening/screening-imports.service';
import { createUser, signIn, type BrowserSession } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { SCREENING_FIXTURES } from './labelled-pairs';

describe('/research/screening (the queue as a page)', () => {
  let testApp: TestApp;
  let session: BrowserSession;

  beforeAll(async () => {
    testApp = await startTestApp();
    const brand = await new CatalogueFactory(testApp).verifiedBrand();
    const imports = testApp.app.get(ScreeningImportsService);
    await imports.entityList('uflpa', 'UFLPA Entity List', path.join(SCREENING_FIXTURES, 'entities.csv'), {
      actor: null,
    });
    await imports.supplierList(
      { brand: brand.slug, publishedOn: '2024-03-01' },
      path.join(SCREENING_FIXTURES, 'suppliers.csv'),
      { actor: null },
    );
    const researcher = await createUser(testApp, Role.Researcher);
    session = await signIn(testApp, researcher.email, researcher.password);
  });
  afterAll(() => testApp.close());

  const page = async (url = '/research/screening') => {
    const response = await fetch(`${testApp.baseUrl}${url}`, { headers: { cookie: session.cookie } });
    return { status: response.status, html: await response.text() };
  };
  const post = (url: string, fields: Record<string, string>) =>
    fetch(`${testApp.baseUrl}${url}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });
  const candidateIds = (html: string) =>
    [...html.matchAll(/action="\/research\/screening\/([0-9a-f-]{36})\/confirm"/g)].map((m) => m[1]);

  it('lists the open candidates with the supplier, the entity and the reasons', async () => {
    const { status, html } = await page();
    expect(status).toBe(200);
    expect(candidateIds(html)).toHaveLength(3);
    expect(html).toContain('Huamei Textile Group Co., Ltd.');
    expect(html).toContain('located apart (Shaoxing vs Lop)');
  });

  it('asks for a reason before dismissing, then dismisses', async () => {
    const [, second] = candidateIds((await page()).html);
    const refused = await post(`/research/screening/${second}/dismiss`, { reason: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Why it is not the listed entity');
    const dismissed = await post(`/research/screening/${second}/dismiss`, { reason: 'A group in Zhejiang' });
    expect([dismissed.status, dismissed.headers.get('location')]).toEqual([303, '/research/screening']);
    expect(candidateIds((await page()).html)).toHaveLength(2);
  });

  it('confirms into a draft finding and opens it', async () => {
    const [first] = candidateIds((await page()).html);
    const confirmed = await post(`/research/screening/${first}/confirm`, {});
    expect(confirmed.status).toBe(303);
    const location = confirmed.headers.get('location') ?? '';
    expect(location).toMatch(/^\/research\/findings\/[0-9a-f-]{36}$/);
    const finding = await page(location);
    expect(finding.status).toBe(200);
    expect(finding.html).toMatch(
      /<h1>Supplier on the UFLPA Entity List: [^<]+<span class="status status-draft">draft<\/span>/,
    );
    expect(candidateIds((await page()).html)).not.toContain(first);
  });
});
