import { Role } from '../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { allPages, api } from '../support/catalogue-api';

/** Anonymous readers see verified data only: never a draft in a list, by id, or in a count. */
describe('what anonymous readers see', () => {
  let testApp: TestApp;
  let make: CatalogueFactory;
  let researcher: TestUser;
  let draftGroupSlug: string;
  let verifiedSlug: string;
  let draftSlug: string;
  let draftCommitmentId: string;
  let verifiedCommitmentId: string;
  let draftFindingId: string;
  let draftEvidenceId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    make = new CatalogueFactory(testApp);
    researcher = await createUser(testApp, Role.Researcher);
    draftGroupSlug = (await make.company()).slug;
    verifiedSlug = (await make.verifiedBrand({ sectors: ['visibility-test'], company: draftGroupSlug })).slug;
    draftSlug = (await make.brand({ sectors: ['visibility-test'] })).slug;
    verifiedCommitmentId = (await make.verifiedCommitment({ brand: verifiedSlug })).id;
    draftCommitmentId = (await make.commitment({ brand: verifiedSlug }, { statedOn: '2023-01-01' })).id;
    draftFindingId = (await make.finding({ brand: verifiedSlug })).id;
    draftEvidenceId = (await make.evidenceItem({ commitmentIds: [verifiedCommitmentId] })).id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('lists and counts verified brands only', async () => {
    const { items } = await allPages<{ id: string; slug: string }>(
      testApp,
      '/api/brands?sector=visibility-test',
    );
    expect(items.map((item) => item.slug)).toEqual([verifiedSlug]);
    const facets = await api(testApp, 'GET', '/api/brands/facets?sector=visibility-test');
    expect(facets.body.total).toBe(1);
    const asked = await api(testApp, 'GET', '/api/brands?sector=visibility-test&status=draft');
    expect(asked.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 for drafts asked for by slug or id', async () => {
    expect((await api(testApp, 'GET', `/api/brands/${draftSlug}`)).status).toBe(404);
    expect((await api(testApp, 'GET', `/api/brands/${draftSlug}/commitments`)).status).toBe(404);
    expect((await api(testApp, 'GET', `/api/companies/${draftGroupSlug}`)).status).toBe(404);
    expect((await api(testApp, 'GET', `/api/commitments/${draftCommitmentId}`)).status).toBe(404);
    expect((await api(testApp, 'GET', `/api/findings/${draftFindingId}`)).status).toBe(404);
    expect((await api(testApp, 'GET', `/api/evidence/${draftEvidenceId}`)).status).toBe(404);
  });

  it('shows a verified brand without its draft group, commitments or findings', async () => {
    const brand = await api(testApp, 'GET', `/api/brands/${verifiedSlug}`);
    expect(brand.body).toMatchObject({ slug: verifiedSlug, company: null });
    const timeline = await api(testApp, 'GET', `/api/brands/${verifiedSlug}/commitments`);
    expect(timeline.body.items.map((item: { id: string }) => item.id)).toEqual([verifiedCommitmentId]);
    // Its verified source shows (the publication rule); the draft one linked later does not.
    expect(timeline.body.items[0].evidence.map((item: { status: string }) => item.status)).toEqual([
      'verified',
    ]);
    expect(JSON.stringify(timeline.body)).not.toContain(draftEvidenceId);
    const findings = await api(testApp, 'GET', `/api/brands/${verifiedSlug}/findings`);
    expect(findings.body.items).toEqual([]);
    const companies = await api(testApp, 'GET', '/api/companies');
    expect(companies.body.items.map((item: { slug: string }) => item.slug)).not.toContain(draftGroupSlug);
    const evidence = await allPages<{ id: string }>(testApp, '/api/evidence');
    expect(evidence.items.map((item) => item.id)).not.toContain(draftEvidenceId);
  });

  it('shows signed-in users the drafts too, filtered by status', async () => {
    const headers = researcher.headers;
    expect((await api(testApp, 'GET', `/api/brands/${draftSlug}`, { headers })).status).toBe(200);
    const drafts = await api(testApp, 'GET', '/api/brands?sector=visibility-test&status=draft', { headers });
    expect(drafts.body.items.map((item: { slug: string }) => item.slug)).toEqual([draftSlug]);
    const all = await api(testApp, 'GET', '/api/brands/facets?sector=visibility-test', { headers });
    expect(all.body.total).toBe(2);
    const brand = await api(testApp, 'GET', `/api/brands/${verifiedSlug}`, { headers });
    expect(brand.body.company).toMatchObject({ slug: draftGroupSlug });
    const timeline = await api(testApp, 'GET', `/api/brands/${verifiedSlug}/commitments`, { headers });
    expect(timeline.body.items.map((item: { id: string }) => item.id)).toEqual([
      draftCommitmentId,
      verifiedCommitmentId,
    ]);
    expect((await api(testApp, 'GET', `/api/findings/${draftFindingId}`, { headers })).status).toBe(200);
  });
});
