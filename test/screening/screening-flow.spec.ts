import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../../src/identity/auth/role.enum';
import type { CandidateView } from '../../src/screening/dto/candidate.view';
import type { ScreeningFlagView } from '../../src/screening/dto/screening-flag.view';
import type { ScorecardView } from '../../src/scorecards/dto/scorecard.view';
import { createUser, type TestUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { SCREENING_FIXTURES } from './labelled-pairs';

const ENTITIES = readFileSync(path.join(SCREENING_FIXTURES, 'entities.csv'), 'utf8');
const SUPPLIERS = readFileSync(path.join(SCREENING_FIXTURES, 'suppliers.csv'), 'utf8');
const SUPPLIER_LIST_URL = 'https://example.org/brand/suppliers-2024.csv';

describe('supplier screening through the API', () => {
  let testApp: TestApp;
  let researcher: TestUser;
  let reviewer: TestUser;
  let brandSlug: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    brandSlug = (await new CatalogueFactory(testApp).verifiedBrand()).slug;
  });
  afterAll(() => testApp.close());

  async function call(user: TestUser, method: string, url: string, body?: unknown) {
    const response = await fetch(`${testApp.baseUrl}${url}`, {
      method,
      headers: { ...user.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  }
  const importEntities = (csv: string) =>
    call(researcher, 'POST', '/api/screening/entity-lists/uflpa/import', { csv, name: 'UFLPA Entity List' });
  const importSuppliers = (csv: string, publishedOn = '2024-03-01') =>
    call(researcher, 'POST', `/api/brands/${brandSlug}/supplier-lists`, {
      csv,
      publishedOn,
      sourceUrl: SUPPLIER_LIST_URL,
    });
  async function openCandidates(): Promise<CandidateView[]> {
    const { body } = await call(reviewer, 'GET', '/api/screening/candidates?limit=200');
    return body.items as CandidateView[];
  }
  const entryCount = async () =>
    Number(
      (await testApp.app.get(DataSource).query('SELECT count(*) AS count FROM entity_list_entries'))[0].count,
    );

  it('imports both lists, screens, and changes nothing when the same files come again', async () => {
    const entities = await importEntities(ENTITIES);
    expect(entities.status).toBe(200);
    expect(entities.body).toMatchObject({ rows: 26, created: 26, updated: 0, unchanged: 0 });
    const suppliers = await importSuppliers(SUPPLIERS);
    expect(suppliers.body).toMatchObject({ created: true, facilities: 5, candidatesAdded: 3 });
    const candidates = await openCandidates();
    expect(candidates.map((c) => [c.supplier.id, c.entity.externalId, c.decision]).sort()).toEqual([
      ['S1', 'E01', 'match'],
      ['S2', 'E01', 'possible'],
      ['S4', 'E12', 'match'],
    ]);

    expect((await importEntities(ENTITIES)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 26,
      candidatesAdded: 0,
    });
    expect((await importSuppliers(SUPPLIERS)).body).toMatchObject({ created: false, candidatesAdded: 0 });
    expect(await openCandidates()).toHaveLength(3);
  });

  it('confirms a candidate into a draft finding that a second person verifies, shown with both sources', async () => {
    const candidate = (await openCandidates()).find((c) => c.supplier.id === 'S1');
    const confirmed = await call(
      researcher,
      'POST',
      `/api/screening/candidates/${candidate?.id}/confirm`,
      {},
    );
    expect(confirmed.status).toBe(200);
    const findingId = confirmed.body.findingId as string;
    const finding = await call(researcher, 'GET', `/api/findings/${findingId}`);
    expect(finding.body).toMatchObject({ status: 'draft', kind: 'uflpa_entity_list_supplier' });
    const evidenceIds = (finding.body.evidence as { id: string }[]).map((item) => item.id);
    expect(evidenceIds).toHaveLength(2);

    // The researcher's sources and finding go through review like any other: four eyes.
    for (const id of evidenceIds) {
      expect((await call(researcher, 'POST', `/api/evidence/${id}/submit`)).status).toBe(200);
      expect(
        (await call(reviewer, 'POST', `/api/evidence/${id}/review`, { decision: 'verify' })).status,
      ).toBe(200);
    }
    expect((await call(researcher, 'POST', `/api/findings/${findingId}/submit`)).status).toBe(200);
    expect(
      (await call(researcher, 'POST', `/api/findings/${findingId}/review`, { decision: 'verify' })).status,
    ).toBe(403);
    expect(
      (await call(reviewer, 'POST', `/api/findings/${findingId}/review`, { decision: 'verify' })).status,
    ).toBe(200);

    const card = (await (
      await fetch(`${testApp.baseUrl}/api/brands/${brandSlug}/scorecard`)
    ).json()) as ScorecardView;
    const record = card.indicators.flatMap((indicator) => indicator.records).find((r) => r.id === findingId);
    expect(record?.evidence.map((item) => item.url).sort()).toEqual(
      [SUPPLIER_LIST_URL, 'https://example.org/fixture/E01'].sort(),
    );
    expect((await openCandidates()).map((c) => c.supplier.id)).not.toContain('S1');
  });

  it('remembers a dismissal until the supplier changes', async () => {
    const possible = (await openCandidates()).find((c) => c.supplier.id === 'S2');
    const dismissed = await call(researcher, 'POST', `/api/screening/candidates/${possible?.id}/dismiss`, {
      reason: 'The group in Shaoxing, not its unit in Lop County',
    });
    expect(dismissed.status).toBe(204);
    // A new version of the list with S2 as it was: not suggested again; S5 moved: screened again.
    const unchanged = `${SUPPLIERS}S6,Dhaka Denim Ltd.,"Gazipur, Dhaka",BD,\n`;
    expect((await importSuppliers(unchanged, '2024-09-01')).body).toMatchObject({
      created: true,
      changedSupplierIds: ['S6'],
      candidatesAdded: 0,
    });
    const moved = unchanged.replace(
      '88 Renmin Road, Keqiao District, Shaoxing, Zhejiang',
      'Luopu County, Hotan',
    );
    expect((await importSuppliers(moved, '2025-01-01')).body).toMatchObject({ changedSupplierIds: ['S2'] });
    expect((await openCandidates()).filter((c) => c.supplier.id === 'S2').map((c) => c.decision)).toEqual([
      'match',
    ]);
  });

  it('screens a newly listed entity against the newest supplier lists only, with one flag per brand', async () => {
    // A webhook as an admin registers one (its URL is vetted by DNS there, and tests have no network).
    await testApp.app
      .get(DataSource)
      .query(
        `INSERT INTO webhooks (name, url, secret) VALUES ('alerts', 'https://hooks.example.org/a', 'whsec_test')`,
      );
    const listing = (id: string, name: string, address: string, country: string) =>
      `${id},"${name}",,,"${address}",${country},fixture,2025-02-01,https://example.org/fixture/${id}\n`;
    const added =
      ENTITIES +
      listing('E27', 'Dhaka Denim Ltd.', 'Gazipur, Dhaka', 'BD') +
      listing('E28', 'Kashgar Silk Road Garment Co., Ltd.', 'Kashgar City, Xinjiang', 'CN');
    const report = await importEntities(added);
    expect(report.body).toMatchObject({ created: 2, unchanged: 26, candidatesAdded: 2, flagsRaised: 2 });
    const newly = (await openCandidates()).filter((c) => ['E27', 'E28'].includes(c.entity.externalId));
    expect(newly.map((c) => [c.entity.externalId, c.supplier.id, c.decision]).sort()).toEqual([
      ['E27', 'S6', 'possible'],
      ['E28', 'S5', 'match'],
    ]);

    const flags = (await call(reviewer, 'GET', '/api/screening/flags')).body.items as ScreeningFlagView[];
    expect(flags.map((flag) => [flag.entity.externalId, flag.brand.slug, flag.significance]).sort()).toEqual([
      ['E27', brandSlug, 'minor'],
      ['E28', brandSlug, 'major'],
    ]);
    expect(flags.find((flag) => flag.entity.externalId === 'E28')?.suppliers).toEqual([
      expect.objectContaining({ id: 'S5', name: 'Kashgar Silk Road Garment Co., Ltd.', decision: 'match' }),
    ]);
    // Only the major flag is announced, under its own event kind; importing the list again raises nothing.
    const deliveries = await testApp.app
      .get(DataSource)
      .query<Array<{ kind: string; flag_id: string }>>(
        `SELECT notice->>'kind' AS kind, flag_id FROM webhook_deliveries`,
      );
    expect(deliveries).toEqual([
      { kind: 'listed_supplier', flag_id: flags.find((f) => f.significance === 'major')?.id },
    ]);
    expect((await importEntities(added)).body).toMatchObject({
      created: 0,
      candidatesAdded: 0,
      flagsRaised: 0,
    });
  });

  describe('bad input', () => {
    it('refuses a file with a missing column, naming line 1', async () => {
      const response = await importEntities('entity_id,aliases\nX1,foo\n');
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({
        rows: [{ line: 1, reason: 'missing required column(s) name' }],
      });
    });

    it('refuses the whole file when one id repeats, importing nothing', async () => {
      const before = await entryCount();
      const csv = 'entity_id,name\nN1,Hotan New One Textile\nN2,Kashgar New Two Cotton\nN1,Again\n';
      const response = await importEntities(csv);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({
        rows: [{ line: 4, reason: 'entity_id: "N1" repeats line 2' }],
      });
      expect(await entryCount()).toBe(before);
    });

    it('refuses text that was not UTF-8, naming the line', async () => {
      const response = await importSuppliers(
        'supplier_id,name\nA,Hotan Huamei\nB,\uFFFDr\uFFFDmqi Xinlong\n',
      );
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({
        rows: [{ line: 3, reason: 'not UTF-8 (save the file as UTF-8)' }],
      });
    });

    it('answers a file over the body limit with 413 (large lists go through the CLI)', async () => {
      const row = 'X,Hotan Huamei Textile Co. Ltd.,"Lop County, Hotan",CN\n';
      const response = await importSuppliers(`supplier_id,name,address,country\n${row.repeat(30_000)}`);
      expect(response.status).toBe(413);
    });

    it('refuses a bad date with the field named', async () => {
      const response = await importSuppliers(SUPPLIERS, '2024-02-30');
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('publishedOn');
    });
  });
});
