import { DataSource } from 'typeorm';
import { Role } from '../../../src/identity/auth/role.enum';
import { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { createUser, type TestUser } from '../../support/auth';
import { api } from '../../support/catalogue-api';
import { CatalogueFactory, unique } from '../../support/factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { AGGREGATE_READS, all, brandReads, companyReads, outcomes, read, warm } from './public-reads';

/**
 * Each kind of public record, written through the API and its review as staff write it: every read that can
 * show it is fresh on the writer's next request (read-your-writes), and a brand it cannot reach keeps its copies.
 */
describe('scoped invalidation of public reads', () => {
  let testApp: TestApp;
  let factory: CatalogueFactory;
  let researcher: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    factory = new CatalogueFactory(testApp);
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    await waitFor(() => testApp.app.get(PublicDataVersion).current() !== null, {
      description: 'the cache listening',
    });
  });
  afterAll(() => testApp.close());

  /** A group of two brands in a sector of their own and a brand of no group in another, all verified. */
  async function world() {
    const sector = `s-${unique()}`;
    const otherSector = `o-${unique()}`;
    const group = await factory.verifiedCompany();
    const brand = await factory.verifiedBrand({ company: group.slug, sectors: [sector] });
    const sibling = await factory.verifiedBrand({ company: group.slug, sectors: [sector] });
    const unrelated = await factory.verifiedBrand({ sectors: [otherSector] });
    await factory.verifiedCommitment({ brand: unrelated.slug });
    return { group, brand, sibling, unrelated, sector, otherSector };
  }

  /** The catalogue's list and facets filtered by one sector (keyed on the sector's scope, not the aggregate). */
  const sectorReads = (sector: string) => [
    `/api/brands?sector=${sector}`,
    `/api/brands/facets?sector=${sector}`,
  ];

  const asResearcher = (method: string, path: string, body?: unknown) =>
    api(testApp, method, path, { body, headers: researcher.headers });
  const asReviewer = (method: string, path: string, body?: unknown) =>
    api(testApp, method, path, { body, headers: reviewer.headers });

  /** Drafts a claim citing new evidence, submits it, and has another person verify both. */
  async function publish(
    kind: 'commitments' | 'findings' | 'disclosures' | 'closures',
    create: () => Promise<string>,
  ) {
    const id = await create();
    expect((await asResearcher('POST', `/api/${kind}/${id}/submit`)).status).toBe(200);
    const verified = await asReviewer('POST', `/api/${kind}/${id}/review`, {
      decision: 'verify',
      withSources: true,
    });
    expect(verified.status).toBe(200);
    return id;
  }

  async function evidence(): Promise<string> {
    const created = await asResearcher('POST', '/api/evidence', {
      url: `https://example.org/${unique()}`,
      kind: 'news',
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /**
   * Warms `changed`, `kept` and the aggregate reads, runs `write`, then expects `changed` and the aggregates
   * rendered again on the next request and `kept` still served from their copies. Returns what `write` returned.
   */
  async function expectScope<T>(write: () => Promise<T>, changed: string[], kept: string[]): Promise<T> {
    const etags = await warm(testApp, [...changed, ...kept, ...AGGREGATE_READS]);
    const result = await write();
    expect(await outcomes(testApp, etags)).toEqual({
      ...all([...changed, ...AGGREGATE_READS], 'rendered again'),
      ...all(kept, 'kept'),
    });
    return result;
  }

  const commitmentOf = (subject: string) =>
    publish('commitments', async () => {
      const created = await asResearcher('POST', `/api/${subject}/commitments`, {
        type: 'call_to_action_public',
        statedOn: '2021-01-06',
        statedOnPrecision: 'day',
        summary: `Signed ${unique()}.`,
        evidenceIds: [await evidence()],
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    });

  it('a commitment of one brand re-renders that brand, its company, its sector and the aggregates, nothing else', async () => {
    const { group, brand, sibling, unrelated, sector, otherSector } = await world();
    const id = await expectScope(
      () => commitmentOf(`brands/${brand.slug}`),
      [...brandReads(brand.slug), ...companyReads(group.slug), ...sectorReads(sector)],
      [...brandReads(sibling.slug), ...brandReads(unrelated.slug), ...sectorReads(otherSector)],
    );
    expect((await read(testApp, `/api/brands/${brand.slug}/scorecard`)).body).toContain(id);
    const facets = await read(testApp, `/api/brands/facets?sector=${sector}`);
    expect(JSON.parse(facets.body)).toMatchObject({
      total: 2,
      commitment: { types: [{ value: 'call_to_action_public', count: 1 }] },
    });
  });

  it('a commitment of a group re-renders every brand of the group and their sector', async () => {
    const { group, brand, sibling, unrelated, sector, otherSector } = await world();
    const id = await expectScope(
      () => commitmentOf(`companies/${group.slug}`),
      [
        ...brandReads(brand.slug),
        ...brandReads(sibling.slug),
        ...companyReads(group.slug),
        ...sectorReads(sector),
      ],
      [...brandReads(unrelated.slug), ...sectorReads(otherSector)],
    );
    expect((await read(testApp, `/api/brands/${sibling.slug}/scorecard`)).body).toContain(id);
  });

  it('a finding, then its closure, re-render the brand and leave an unrelated brand cached', async () => {
    const { brand, unrelated } = await world();
    const finding = await expectScope(
      () =>
        publish('findings', async () => {
          const created = await asResearcher('POST', '/api/findings', {
            brand: brand.slug,
            kind: 'own_facility_in_region',
            publishedOn: '2019-05-01',
            publishedOnPrecision: 'day',
            finding: `Operates plant ${unique()} in the region.`,
            response: 'responded_without_action',
            evidenceIds: [await evidence()],
          });
          expect(created.status).toBe(201);
          return created.body.id as string;
        }),
      brandReads(brand.slug),
      brandReads(unrelated.slug),
    );
    expect((await read(testApp, `/api/brands/${brand.slug}/findings`)).body).toContain(finding);

    await expectScope(
      () =>
        publish('closures', async () => {
          const created = await asResearcher('POST', `/api/findings/${finding}/closures`, {
            endedOn: '2024-11-27',
            reason: 'facility_sold',
            summary: 'The plant was sold.',
            evidenceIds: [await evidence()],
          });
          expect(created.status).toBe(201);
          return created.body.id as string;
        }),
      brandReads(brand.slug),
      brandReads(unrelated.slug),
    );
    expect((await read(testApp, `/api/brands/${brand.slug}/scorecard`)).body).toContain(
      '1 ended finding(s) not counted',
    );
  });

  it('a disclosure re-renders its brand only', async () => {
    const { brand, sibling, unrelated } = await world();
    const id = await expectScope(
      () =>
        publish('disclosures', async () => {
          const created = await asResearcher('POST', `/api/brands/${brand.slug}/disclosures`, {
            kind: 'tier1_supplier_list',
            disclosedOn: '2022-01-01',
            disclosedOnPrecision: 'year',
            url: 'https://example.org/suppliers',
            evidenceIds: [await evidence()],
          });
          expect(created.status).toBe(201);
          return created.body.id as string;
        }),
      brandReads(brand.slug),
      [...brandReads(sibling.slug), ...brandReads(unrelated.slug)],
    );
    expect((await read(testApp, `/api/brands/${brand.slug}/disclosures`)).body).toContain(id);
  });

  /** Proposes a new name for a verified brand or company and has another person verify it. */
  async function rename(kind: 'brands' | 'companies', slug: string): Promise<string> {
    const name = `Renamed ${unique()}`;
    expect((await asResearcher('PATCH', `/api/${kind}/${slug}`, { name })).status).toBe(200);
    const verified = await asReviewer('POST', `/api/${kind}/${slug}/revision/review`, { decision: 'verify' });
    expect(verified.status).toBe(200);
    return name;
  }

  it('a brand renamed through its revision re-renders its siblings (they list it) and not other brands', async () => {
    const { group, brand, sibling, unrelated } = await world();
    const name = await expectScope(
      () => rename('brands', brand.slug),
      [...brandReads(brand.slug), ...brandReads(sibling.slug), ...companyReads(group.slug)],
      brandReads(unrelated.slug),
    );
    expect((await read(testApp, `/brands/${sibling.slug}`)).body).toContain(name);
  });

  it('a brand moved to another sector through its revision re-renders the lists of the sector it left and the one it joined', async () => {
    const { unrelated, otherSector } = await world();
    // A brand of no group, alone in its sector: nothing but the row as it was names the sector it leaves.
    const left = `l-${unique()}`;
    const joined = `j-${unique()}`;
    const mover = await factory.verifiedBrand({ sectors: [left] });
    // Proposed first: only the verification (which moves the brand) is measured.
    const proposed = await asResearcher('PATCH', `/api/brands/${mover.slug}`, { sectors: [joined] });
    expect(proposed.status).toBe(200);
    await expectScope(
      async () => {
        const verified = await asReviewer('POST', `/api/brands/${mover.slug}/revision/review`, {
          decision: 'verify',
        });
        expect(verified.status).toBe(200);
      },
      [...brandReads(mover.slug), ...sectorReads(left), ...sectorReads(joined)],
      [...brandReads(unrelated.slug), ...sectorReads(otherSector)],
    );
    const slugsIn = async (sector: string) =>
      (
        JSON.parse((await read(testApp, `/api/brands?sector=${sector}`)).body) as {
          items: { slug: string }[];
        }
      ).items.map((item) => item.slug);
    expect(await slugsIn(left)).toEqual([]);
    expect(await slugsIn(joined)).toEqual([mover.slug]);
  });

  it('a company renamed through its revision re-renders every brand of the group', async () => {
    const { group, brand, sibling, unrelated } = await world();
    const name = await expectScope(
      () => rename('companies', group.slug),
      [...brandReads(brand.slug), ...brandReads(sibling.slug), ...companyReads(group.slug)],
      brandReads(unrelated.slug),
    );
    expect((await read(testApp, `/brands/${brand.slug}`)).body).toContain(name);
  });

  it('evidence linked to a claim, then verified, re-renders the brands whose claims cite it', async () => {
    const { brand, unrelated } = await world();
    const commitment = await factory.verifiedCommitment({ brand: brand.slug });
    const url = `https://example.org/annex-${unique()}`;
    const created = await asResearcher('POST', '/api/evidence', { url, kind: 'news' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await expectScope(
      async () => {
        const linked = await asResearcher('POST', `/api/evidence/${id}/links`, {
          commitmentIds: [commitment.id],
        });
        expect(linked.status).toBe(200);
      },
      brandReads(brand.slug),
      brandReads(unrelated.slug),
    );
    await expectScope(
      async () => {
        expect((await asResearcher('POST', `/api/evidence/${id}/submit`)).status).toBe(200);
        expect((await asReviewer('POST', `/api/evidence/${id}/review`, { decision: 'verify' })).status).toBe(
          200,
        );
      },
      brandReads(brand.slug),
      brandReads(unrelated.slug),
    );
    expect((await read(testApp, `/brands/${brand.slug}`)).body).toContain(url);
  });

  it('a capture settled by the capture worker (another process) re-renders the brands citing its evidence', async () => {
    const { brand, unrelated } = await world();
    const commitment = await factory.verifiedCommitment({ brand: brand.slug });
    const version = testApp.app.get(PublicDataVersion);
    await expectScope(
      async () => {
        const before = version.versionOf(`b:${brand.slug}`);
        // As the worker does when a capture fails: straight to the database; the NOTIFY reaches this process.
        await testApp.app.get(DataSource).query(
          `UPDATE evidence_captures SET state = 'failed', error_kind = 'http_status', error = 'Answered 404'
           WHERE evidence_id IN (SELECT evidence_id FROM commitment_evidence WHERE commitment_id = $1)`,
          [commitment.id],
        );
        await waitFor(() => version.versionOf(`b:${brand.slug}`) !== before, { description: 'the NOTIFY' });
      },
      brandReads(brand.slug),
      brandReads(unrelated.slug),
    );
  });

  it('a change to a group too big to name in one NOTIFY falls back to every brand, and still commits', async () => {
    const group = await factory.verifiedCompany();
    // About 56 bytes of scopes per brand (slug and id): 150 brands are past NOTIFY's 8000-byte payload.
    const brands = [];
    for (let chunk = 0; chunk < 15; chunk++) {
      brands.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () => factory.verifiedBrand({ company: group.slug })),
        )),
      );
    }
    const { unrelated } = await world();
    // The unrelated brand too: the notification said `*`, not a list of 150 brands.
    const id = await expectScope(
      () => commitmentOf(`companies/${group.slug}`),
      [...brandReads(brands[0].slug), ...brandReads(brands[149].slug), ...brandReads(unrelated.slug)],
      [],
    );
    const version = testApp.app.get(PublicDataVersion);
    expect(version.versionOf(`b:never-${unique()}`)).toBe(version.current());
    expect((await read(testApp, `/api/brands/${brands[149].slug}/scorecard`)).body).toContain(id);
  });
});
