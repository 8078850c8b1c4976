import { Role } from '../../src/identity/auth/role.enum';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { FindingKind, FindingResponse } from '../../src/claims/findings/finding-kind';
import type { ScorecardView } from '../../src/scorecards/dto/scorecard.view';
import { PublicDataVersion } from '../../src/public/cache/public-data-version';
import { createUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('GET /api/brands/:slug/scorecard', () => {
  let testApp: TestApp;
  let factory: CatalogueFactory;

  beforeAll(async () => {
    testApp = await startTestApp();
    factory = new CatalogueFactory(testApp);
  });
  afterAll(() => testApp.close());

  async function card(slug: string, asOf?: string): Promise<ScorecardView> {
    const query = asOf ? `?asOf=${asOf}` : '';
    const response = await fetch(`${testApp.baseUrl}/api/brands/${slug}/scorecard${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ScorecardView;
  }
  const points = (view: ScorecardView, indicator: string) =>
    view.indicators.find((i) => i.indicator === indicator)?.points;

  it('says "not assessed" for a verified brand with no verified data, naming the methodology version', async () => {
    const brand = await factory.verifiedBrand();
    await factory.commitment({ brand: brand.slug }); // a draft: not public data
    expect(await card(brand.slug)).toMatchObject({
      assessed: false,
      grade: null,
      total: null,
      methodologyVersion: '1',
      indicators: [],
    });
  });

  it('replays a grade before and after a retraction', async () => {
    const brand = await factory.verifiedBrand();
    await factory.verifiedCommitment({ brand: brand.slug }, { statedOn: '2021-01-06' });
    await factory.verifiedCommitment(
      { brand: brand.slug },
      {
        type: CommitmentType.Retraction,
        statedOn: '2023-05-10',
        summary: 'Statement deleted from the site.',
      },
    );
    const before = await card(brand.slug, '2023-05-09');
    expect([before.grade, before.total, points(before, 'commitment')]).toEqual(['B', 75, 40]);
    expect(before.indicators[0].records[0]).toMatchObject({ record: 'commitment', level: 'brand' });
    const after = await card(brand.slug, '2023-05-10');
    expect([after.grade, after.total, points(after, 'commitment'), points(after, 'consistency')]).toEqual([
      'E',
      20,
      0,
      0,
    ]);
    expect(after.indicators.find((i) => i.indicator === 'consistency')?.records[0].type).toBe('retraction');
  });

  it("lifts every brand of a group from the day the group's commitment counts", async () => {
    const group = await factory.verifiedCompany();
    const first = await factory.verifiedBrand({ company: group.slug });
    const second = await factory.verifiedBrand({ company: group.slug });
    await factory.verifiedCommitment(
      { company: group.slug },
      { statedOn: '2022-03-01', statedOnPrecision: DatePrecision.Month },
    );
    for (const brand of [first, second]) {
      expect((await card(brand.slug, '2022-03-30')).assessed).toBe(false);
      const lifted = await card(brand.slug, '2022-03-31');
      expect([lifted.grade, points(lifted, 'commitment')]).toEqual(['B', 40]);
      expect(lifted.indicators[0].records[0]).toMatchObject({ level: 'group' });
      expect(lifted.indicators[0].explanation).toContain('group');
      expect(lifted.group).toEqual({ slug: group.slug, name: group.name });
    }
  });

  it('caps a brand whose group operates a facility in the region at F while it does, with the finding behind it', async () => {
    const group = await factory.verifiedCompany();
    const brand = await factory.verifiedBrand({ company: group.slug });
    await factory.verifiedCommitment({ brand: brand.slug }, { statedOn: '2020-06-01' });
    const facility = await factory.verifiedFinding(
      { company: group.slug },
      {
        kind: FindingKind.OwnFacilityInRegion,
        publishedOn: '2021-02-01',
        response: FindingResponse.RespondedAndActed,
        endedOn: '2024-01-15',
      },
    );
    const capped = await card(brand.slug, '2023-01-01');
    expect(capped).toMatchObject({ grade: 'F', total: 19, cap: { appliedTo: 75 } });
    expect(capped.cap?.records.map((r) => r.id)).toEqual([facility.id]);
    const sold = await card(brand.slug, '2024-01-15');
    expect([sold.grade, sold.total, sold.cap]).toEqual(['B', 75, null]);
  });

  it('lists the evidence behind each point, linking the archived capture where one exists', async () => {
    const brand = await factory.verifiedBrand();
    // Readers see verified evidence only (docs/data-model.md).
    const evidence = await factory.verifiedEvidence();
    await factory.verifiedCommitment({ brand: brand.slug }, { evidenceIds: [evidence.id] });
    const before = await card(brand.slug);
    expect(before.indicators[0].records[0].evidence).toEqual([
      expect.objectContaining({ id: evidence.id, url: evidence.url, capture: null }),
    ]);
    const version = testApp.app.get(PublicDataVersion).current();
    await archivedCopyOf(evidence.id, evidence.url ?? '');
    // Written behind the API's back: wait for the NOTIFY, as another process's write would be seen.
    await waitFor(() => testApp.app.get(PublicDataVersion).current() !== version);
    const after = await card(brand.slug);
    expect(after.indicators[0].records[0].evidence[0].capture).toMatchObject({
      href: `/api/evidence/${evidence.id}/capture`,
      versions: 1,
    });
  });

  it('scores a disclosure once verified through the API by another reviewer (four eyes)', async () => {
    const researcher = await createUser(testApp, Role.Researcher);
    const brand = await factory.verifiedBrand();
    await factory.verifiedCommitment({ brand: brand.slug });
    const evidence = await factory.verifiedEvidence();
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${testApp.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const created = await post(
      `/api/brands/${brand.slug}/disclosures`,
      {
        kind: 'tier1_supplier_list',
        disclosedOn: '2022-01-01',
        disclosedOnPrecision: 'year',
        url: 'https://example.org/suppliers',
        evidenceIds: [evidence.id],
      },
      researcher.headers,
    );
    expect(created.status).toBe(201);
    const disclosure = (await created.json()) as { id: string; effectiveOn: string; status: string };
    expect(disclosure).toMatchObject({ effectiveOn: '2022-12-31', status: 'draft' });
    expect((await post(`/api/disclosures/${disclosure.id}/submit`, {}, researcher.headers)).status).toBe(200);
    const review = (headers: Record<string, string>) =>
      post(`/api/disclosures/${disclosure.id}/review`, { decision: 'verify' }, headers);
    const researcherAsAdmin = await createUser(testApp, Role.Admin);
    expect((await review(researcher.headers)).status).toBe(403);
    expect((await review(researcherAsAdmin.headers)).status).toBe(200);
    expect(points(await card(brand.slug, '2022-12-30'), 'disclosure')).toBe(0);
    const withList = await card(brand.slug, '2022-12-31');
    expect(points(withList, 'disclosure')).toBe(10);
    expect(withList.indicators[1].records[0]).toMatchObject({ record: 'disclosure', id: disclosure.id });
    const list = await fetch(`${testApp.baseUrl}/api/brands/${brand.slug}/disclosures`);
    expect(((await list.json()) as { items: Array<{ id: string }> }).items.map((d) => d.id)).toEqual([
      disclosure.id,
    ]);
  });

  it('refuses an invalid or future asOf with a 400 naming asOf, and a hidden brand with a 404', async () => {
    const brand = await factory.verifiedBrand();
    for (const asOf of ['2021-02-30', 'yesterday', '2999-01-01']) {
      const response = await fetch(`${testApp.baseUrl}/api/brands/${brand.slug}/scorecard?asOf=${asOf}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('asOf');
    }
    const draft = await factory.brand();
    expect((await fetch(`${testApp.baseUrl}/api/brands/${draft.slug}/scorecard`)).status).toBe(404);
  });

  async function archivedCopyOf(evidenceId: string, url: string): Promise<void> {
    const { DataSource } = await import('typeorm');
    await testApp.app.get(DataSource).query(
      `INSERT INTO evidence_captures (evidence_id, state, reason, version, requested_url, final_url, http_status, captured_at)
         VALUES ($1, 'done', 'logged', 1, $2, $2, 200, now())`,
      [evidenceId, url],
    );
  }
});
