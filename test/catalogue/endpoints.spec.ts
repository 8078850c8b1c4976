import { Role } from '../../src/identity/auth/role.enum';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { EvidenceKind } from '../../src/evidence/sources/evidence-kind';
import { FindingKind } from '../../src/claims/findings/finding-kind';
import { createUser, TestUser } from '../support/auth';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { allPages, api } from '../support/catalogue-api';

/** Each catalogue endpoint doing its job for a signed-in researcher and for the public. */
describe('the catalogue endpoints', () => {
  let testApp: TestApp;
  let make: CatalogueFactory;
  let researcher: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    make = new CatalogueFactory(testApp);
    researcher = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const post = (path: string, body: unknown) =>
    api(testApp, 'POST', path, { body, headers: researcher.headers });

  describe('companies', () => {
    it('creates, reads, edits and lists a company', async () => {
      const created = await post('/api/companies', {
        name: 'Inditex SA',
        aliases: ['Industria de Diseño Textil'],
        country: 'ES',
        wikidataId: 'Q207491',
        lei: '549300JVNM9HJOLE4T39',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ slug: 'inditex-sa', status: 'draft', country: 'ES' });
      const edited = await api(testApp, 'PATCH', '/api/companies/inditex-sa', {
        body: { website: 'https://www.inditex.com', lei: null },
        headers: researcher.headers,
      });
      expect(edited.body).toMatchObject({
        website: 'https://www.inditex.com',
        lei: null,
        name: 'Inditex SA',
      });
      const read = await api(testApp, 'GET', `/api/companies/${created.body.id}`, {
        headers: researcher.headers,
      });
      expect(read.body.slug).toBe('inditex-sa');
      const found = await api(testApp, 'GET', '/api/companies?q=diseño', { headers: researcher.headers });
      expect(found.body.items.map((item: { slug: string }) => item.slug)).toEqual(['inditex-sa']);
    });
  });

  describe('brands', () => {
    it('makes slugs from names, transliterated and de-duplicated', async () => {
      const first = await post('/api/brands', { name: 'Marks & Spencer' });
      const second = await post('/api/brands', { name: 'Marks & Spencer' });
      const accented = await post('/api/brands', { name: 'Société Générale Öko' });
      const chinese = await post('/api/brands', { name: '李宁' });
      expect([first.body.slug, second.body.slug, accented.body.slug, chinese.body.slug]).toEqual([
        'marks-and-spencer',
        'marks-and-spencer-2',
        'societe-generale-oko',
        'brand',
      ]);
    });

    it('creates a brand in a group and reads it with its group', async () => {
      const group = await make.verifiedCompany({ name: 'PVH Corp.' });
      const created = await post('/api/brands', {
        name: 'Tommy Hilfiger',
        company: group.slug,
        sectors: ['apparel'],
        hqCountry: 'US',
        wikidataId: 'Q634881',
        openSupplyHubId: 'US2020-ABC',
      });
      expect(created.status).toBe(201);
      const read = await api(testApp, 'GET', '/api/brands/tommy-hilfiger', { headers: researcher.headers });
      expect(read.body).toMatchObject({
        name: 'Tommy Hilfiger',
        company: { slug: group.slug, name: 'PVH Corp.' },
        sectors: ['apparel'],
        hqCountry: 'US',
        status: 'draft',
      });
      const detached = await api(testApp, 'PATCH', '/api/brands/tommy-hilfiger', {
        body: { company: null },
        headers: researcher.headers,
      });
      expect(detached.body.company).toBeNull();
    });

    it('answers 404 for a brand that does not exist', async () => {
      const response = await api(testApp, 'GET', '/api/brands/no-such-brand');
      expect(response.status).toBe(404);
      expect(response.body.message).toContain('no-such-brand');
    });
  });

  describe('commitments', () => {
    it("gives a brand's timeline with its group's commitments, what is in force, and the evidence", async () => {
      const group = await make.verifiedCompany();
      const brand = await make.verifiedBrand({ company: group.slug });
      const policy = await make.verifiedCommitment(
        { brand: brand.slug },
        {
          type: CommitmentType.PolicyDirectSuppliersOnly,
          statedOn: '2020-09-01',
          statedOnPrecision: DatePrecision.Month,
        },
      );
      const groupPledge = await make.verifiedCommitment(
        { company: group.slug },
        { statedOn: '2022-03-31', statedOnPrecision: DatePrecision.KnownBy },
      );
      const evidence = await make.verifiedEvidence();
      const retraction = await post(`/api/brands/${brand.slug}/commitments`, {
        type: 'retraction',
        statedOn: '2021-03-24',
        statedOnPrecision: 'day',
        summary: 'Statement removed from its site.',
        evidenceIds: [evidence.id],
      });
      expect(retraction.status).toBe(201);
      expect(retraction.body).toMatchObject({ status: 'draft', brand: { slug: brand.slug }, company: null });

      const timeline = await api(testApp, 'GET', `/api/brands/${brand.slug}/commitments?asOf=2023-01-01`);
      expect(
        timeline.body.items.map((item: { id: string; inForce: boolean }) => [item.id, item.inForce]),
      ).toEqual([
        [groupPledge.id, true],
        [policy.id, true],
      ]);
      expect(timeline.body.items[1]).toMatchObject({
        statedOn: '2020-09-01',
        effectiveOn: '2020-09-30',
        company: null,
      });
      expect(timeline.body.items[0].company).toMatchObject({ slug: group.slug });

      const withDrafts = await api(testApp, 'GET', `/api/brands/${brand.slug}/commitments?limit=1`, {
        headers: researcher.headers,
      });
      const pages = await allPages(
        testApp,
        `/api/brands/${brand.slug}/commitments?limit=1`,
        researcher.headers,
      );
      expect(withDrafts.body.items).toHaveLength(1);
      expect(pages.items.map((item) => item.id)).toEqual([groupPledge.id, retraction.body.id, policy.id]);

      const one = await api(testApp, 'GET', `/api/commitments/${retraction.body.id}`, {
        headers: researcher.headers,
      });
      expect(one.body.evidence.map((item: { id: string }) => item.id)).toEqual([evidence.id]);
      const groupOnly = await api(testApp, 'GET', `/api/companies/${group.slug}/commitments`);
      expect(groupOnly.body.items.map((item: { id: string }) => item.id)).toEqual([groupPledge.id]);
    });

    it('has no route to rewrite a commitment', async () => {
      const brand = await make.brand();
      const commitment = await make.commitment({ brand: brand.slug });
      const response = await api(testApp, 'PATCH', `/api/commitments/${commitment.id}`, {
        body: { summary: 'Rewritten' },
        headers: researcher.headers,
      });
      expect(response.status).toBe(404);
    });
  });

  describe('findings', () => {
    it("lists a brand's findings with its group's, and a group's own", async () => {
      const group = await make.verifiedCompany();
      const brand = await make.verifiedBrand({ company: group.slug });
      const own = await make.verifiedFinding({ brand: brand.slug });
      const groupFacility = await make.verifiedFinding(
        { company: group.slug },
        {
          kind: FindingKind.OwnFacilityInRegion,
          publishedOn: '2013-01-01',
          publishedOnPrecision: DatePrecision.Year,
          endedOn: '2024-11-27',
        },
      );
      const created = await post('/api/findings', {
        brand: brand.slug,
        kind: 'uflpa_entity_list_supplier',
        publishedOn: '2023-06-09',
        publishedOnPrecision: 'day',
        finding: 'A supplier was added to the UFLPA Entity List.',
        response: 'did_not_respond',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        response: 'did_not_respond',
        status: 'draft',
        brand: { slug: brand.slug },
      });

      const publicList = await api(testApp, 'GET', `/api/brands/${brand.slug}/findings`);
      expect(publicList.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
        [own.id, groupFacility.id].sort(),
      );
      const facility = publicList.body.items.find((item: { id: string }) => item.id === groupFacility.id);
      expect(facility).toMatchObject({
        effectiveOn: '2013-12-31',
        endedOn: '2024-11-27',
        company: { slug: group.slug },
      });
      const groupList = await api(testApp, 'GET', `/api/findings?company=${group.slug}`);
      expect(groupList.body.items.map((item: { id: string }) => item.id)).toEqual([groupFacility.id]);
      const drafts = await api(testApp, 'GET', `/api/findings?brand=${brand.slug}&status=draft`, {
        headers: researcher.headers,
      });
      expect(drafts.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    });
  });

  describe('evidence', () => {
    it('logs evidence, links it later, and lists it by what it supports', async () => {
      const brand = await make.brand();
      const commitment = await make.commitment({ brand: brand.slug });
      const finding = await make.finding({ brand: brand.slug });
      const created = await post('/api/evidence', {
        url: 'https://www.aspi.org.au/report/uyghurs-sale',
        title: 'Uyghurs for Sale',
        publisher: 'Australian Strategic Policy Institute',
        kind: 'ngo_report',
        publishedOn: '2020-03-01',
        accessedOn: '2024-05-02',
        findingIds: [finding.id],
      });
      expect(created.status).toBe(201);
      const linked = await post(`/api/evidence/${created.body.id}/links`, { commitmentIds: [commitment.id] });
      expect(linked.status).toBe(200);

      const byCommitment = await api(testApp, 'GET', `/api/evidence?commitmentId=${commitment.id}`, {
        headers: researcher.headers,
      });
      const byFinding = await api(testApp, 'GET', `/api/evidence?findingId=${finding.id}`, {
        headers: researcher.headers,
      });
      const byUrl = await api(
        testApp,
        'GET',
        `/api/evidence?url=${encodeURIComponent('https://www.aspi.org.au/report/uyghurs-sale')}`,
        {
          headers: researcher.headers,
        },
      );
      for (const list of [byCommitment, byFinding, byUrl]) {
        expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
      }
      const one = await api(testApp, 'GET', `/api/evidence/${created.body.id}`, {
        headers: researcher.headers,
      });
      expect(one.body).toMatchObject({
        publisher: 'Australian Strategic Policy Institute',
        publishedOn: '2020-03-01',
      });
    });

    it('pages through evidence newest first, each once', async () => {
      const made = [];
      for (let i = 0; i < 5; i++)
        made.push((await make.evidenceItem({ kind: EvidenceKind.GovernmentList })).id);
      const { items } = await allPages<{ id: string }>(
        testApp,
        '/api/evidence?kind=government_list&limit=2',
        researcher.headers,
      );
      expect(items.map((item) => item.id)).toEqual(made.reverse());
    });
  });

  it('documents the catalogue in the OpenAPI document', async () => {
    const document = await api(testApp, 'GET', '/api/docs-json');
    const paths = Object.keys(document.body.paths as object);
    for (const path of [
      '/api/brands',
      '/api/brands/facets',
      '/api/brands/{slug}',
      '/api/brands/{slug}/commitments',
      '/api/commitments/{id}/review',
      '/api/companies',
      '/api/findings',
      '/api/evidence',
      '/api/evidence/{id}/links',
    ]) {
      expect(paths).toContain(path);
    }
    expect(document.body.components.schemas.CreateBrandDto.properties.hqCountry).toBeDefined();
  });
});
