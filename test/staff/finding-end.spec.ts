import { Role } from '../../src/identity/auth/role.enum';
import { EvidenceKind } from '../../src/evidence/sources/evidence-kind';
import { FindingKind } from '../../src/claims/findings/finding-kind';
import { api } from '../support/catalogue-api';
import { createUser, type TestUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  clickAndWait,
  launchBrowser,
  newPage,
  setValue,
  signInAs,
  textOf,
  type TestBrowser,
} from './browser';

/** A researcher records, from the finding's own page, that the link ended; it goes up for review. */
describe('ending a finding from its research page', () => {
  let testApp: TestApp;
  let chromium: TestBrowser;
  let researcher: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    researcher = await createUser(testApp, Role.Researcher);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await testApp?.close();
  });

  it('submits a closure with its source, and refuses an end before the finding began', async () => {
    const make = new CatalogueFactory(testApp);
    const brand = await make.verifiedBrand();
    const finding = await make.verifiedFinding(
      { brand: brand.slug },
      { kind: FindingKind.OwnFacilityInRegion, publishedOn: '2019-05-01' },
    );
    const source = await api(testApp, 'POST', '/api/evidence', {
      body: { url: 'https://example.org/plant-sold', kind: EvidenceKind.News },
      headers: researcher.headers,
    });
    const page = await newPage(chromium.browser);
    await signInAs(page, testApp.baseUrl, researcher);
    await page.goto(`${testApp.baseUrl}/research/findings/${finding.id}`);

    await setValue(page, '#close-ended', '2019-01-01');
    await page.select('#close-reason', 'facility_sold');
    await page.type('#close-summary', 'The plant was sold.');
    await page.type('#close-evidence', 'https://example.org/plant-sold');
    await clickAndWait(page, 'form[action$="/close"] button[type=submit]');
    expect(await textOf(page, '.notice')).toContain(
      'endedOn cannot be before the finding started (2019-05-01)',
    );

    await setValue(page, '#close-ended', '2024-11-27');
    await page.select('#close-reason', 'facility_sold');
    await page.type('#close-summary', 'The plant was sold.');
    await page.type('#close-evidence', 'https://example.org/plant-sold');
    await clickAndWait(page, 'form[action$="/close"] button[type=submit]');
    expect(await textOf(page, '.notice.ok')).toContain(
      'The end of this finding on 2024-11-27 is submitted for review, with 1 piece(s) of evidence.',
    );
    expect(await textOf(page, '#finding-end + ul')).toContain('Ended 2024-11-27: Facility sold');
    // While it is under review, no second end can be proposed.
    expect(await page.$('form[action$="/close"]')).toBeNull();

    const closures = await api<Array<{ status: string; evidence: Array<{ id: string }> }>>(
      testApp,
      'GET',
      `/api/findings/${finding.id}/closures`,
      { headers: researcher.headers },
    );
    expect(closures.body).toEqual([
      expect.objectContaining({
        status: 'submitted',
        evidence: [expect.objectContaining({ id: source.body.id })],
      }),
    ]);
    await page.close();
  });
});
