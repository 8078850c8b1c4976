import { DataSource } from 'typeorm';
import type { BrandSearchFilter } from '../../src/catalogue/brands/brand-search.sql';
import { containsPattern } from '../../src/catalogue/companies/search-pattern';
import { FindingKind } from '../../src/claims/findings/finding-kind';
import { Role } from '../../src/identity/auth/role.enum';
import { COMMITMENT_TYPES, CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { today } from '../../src/kernel/dates/today';
import { ReviewStatus } from '../../src/kernel/review/review-status';
import { createUser, type TestUser } from '../support/auth';
import { addDays, listAndFacets, standingOf } from '../support/brand-standings';
import { api } from '../support/catalogue-api';
import { CatalogueFactory, unique } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/** A small seeded generator, so a failure names data that can be rebuilt. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * brand_standings against the as-of rule recomputed from the records: on random catalogues (superseding
 * chains, retractions, group-level records, future-dated statements, findings ending before and after today,
 * listed suppliers, drafts and rejected records), the list and the facets read from the table equal the
 * recomputed ones for many filters, and writes through the API show in the table at once.
 */
describe('brand standings', () => {
  let testApp: TestApp;
  let make: CatalogueFactory;
  let researcher: TestUser;
  let reviewer: TestUser;
  const SECTOR = `standings-${unique()}`;
  const OTHER_SECTOR = `standings-other-${unique()}`;
  const TODAY = today();
  const random = seeded(19);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const dayAround = () => addDays(TODAY, Math.floor(random() * 2100) - 2000);
  const as = (user: TestUser | null, method: string, path: string, body?: unknown) =>
    api(testApp, method, path, { body, headers: user?.headers });

  /** A commitment drafted by the researcher through the API (so the researcher may submit it). */
  async function draftedByResearcher(
    subject: { brand: string } | { company: string },
    fields: Record<string, unknown>,
  ): Promise<string> {
    const path = 'brand' in subject ? `brands/${subject.brand}` : `companies/${subject.company}`;
    const drafted = await as(researcher, 'POST', `/api/${path}/commitments`, {
      type: CommitmentType.CallToActionPublic,
      statedOnPrecision: DatePrecision.Day,
      summary: 'Drafted by a researcher.',
      evidenceIds: [(await make.verifiedEvidence()).id],
      ...fields,
    });
    expect(drafted.status).toBe(201);
    expect((await as(researcher, 'POST', `/api/commitments/${drafted.body.id}/submit`)).status).toBe(200);
    return drafted.body.id as string;
  }

  async function review(path: string, decision: 'verify' | 'reject'): Promise<void> {
    const body = decision === 'reject' ? { decision, note: 'Not what the source says.' } : { decision };
    expect((await as(reviewer, 'POST', `${path}/review`, body)).status).toBe(200);
  }

  async function randomCommitments(subject: { brand: string } | { company: string }): Promise<void> {
    let previous: string | undefined;
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const stated = dayAround();
      const byMonth = random() < 0.3;
      const fields = {
        type: pick(COMMITMENT_TYPES),
        statedOn: byMonth ? `${stated.slice(0, 8)}01` : stated,
        statedOnPrecision: byMonth ? DatePrecision.Month : DatePrecision.Day,
        supersedesId: previous && random() < 0.3 ? previous : undefined,
      };
      const state = random();
      if (state < 0.65) previous = (await make.verifiedCommitment(subject, fields)).id;
      else if (state < 0.8) await make.commitment(subject, fields);
      else await review(`/api/commitments/${await draftedByResearcher(subject, fields)}`, 'reject');
    }
  }

  async function randomFinding(subject: { brand: string } | { company: string }): Promise<void> {
    if (random() < 0.45) return;
    const publishedOn = dayAround();
    const fields = {
      kind: pick([FindingKind.NamedInReport, FindingKind.UflpaEntityListSupplier]),
      publishedOn,
      publishedOnPrecision: DatePrecision.Day,
      endedOn: random() < 0.2 ? addDays(publishedOn, Math.floor(random() * 1500)) : undefined,
    };
    if (random() < 0.2) {
      await make.finding(subject, fields);
      return;
    }
    const finding = await make.verifiedFinding(subject, fields);
    if (fields.endedOn || random() < 0.5) return;
    const closure = await as(researcher, 'POST', `/api/findings/${finding.id}/closures`, {
      endedOn: addDays(publishedOn, Math.floor(random() * 2500)),
      reason: 'relationship_ended',
      summary: 'The supplier relationship ended.',
      evidenceIds: [(await make.verifiedEvidence()).id],
    });
    expect(closure.status).toBe(201);
    await as(researcher, 'POST', `/api/closures/${closure.body.id}/submit`);
    if (random() < 0.75) await review(`/api/closures/${closure.body.id}`, 'verify');
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    make = new CatalogueFactory(testApp);
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    const groups = [];
    for (let n = 0; n < 4; n++) groups.push(await make.verifiedCompany());
    for (let n = 0; n < 22; n++) {
      const fields = {
        company: random() < 0.55 ? pick(groups).slug : undefined,
        sectors: random() < 0.3 ? [SECTOR, OTHER_SECTOR] : [SECTOR],
        hqCountry: pick(['GB', 'FR', 'US', undefined]),
      };
      const brand = random() < 0.85 ? await make.verifiedBrand(fields) : await make.brand(fields);
      await randomCommitments({ brand: brand.slug });
      await randomFinding({ brand: brand.slug });
    }
    for (const group of groups) {
      await randomCommitments({ company: group.slug });
      await randomFinding({ company: group.slug });
    }
  });

  afterAll(() => testApp.close());

  const ALL_STATUSES = Object.values(ReviewStatus);
  const COMMITMENTS = [undefined, 'any', 'none', ...COMMITMENT_TYPES] as const;
  const FLAGS = [undefined, true, false] as const;

  function randomFilter(asOf: string): BrandSearchFilter {
    return {
      statuses: random() < 0.7 ? [ReviewStatus.Verified] : ALL_STATUSES,
      asOf,
      sector: random() < 0.75 ? SECTOR : OTHER_SECTOR,
      country: pick([undefined, undefined, 'GB', 'FR']),
      commitment: pick(COMMITMENTS),
      exposed: pick(FLAGS),
      listedSupplier: pick(FLAGS),
      namePattern: random() < 0.15 ? containsPattern(pick(['a', 'b', '1', '7'])) : undefined,
    };
  }

  it.each([0, 1, 30, 90, 400])(
    'lists and counts as the recomputed rule does, %i days from today',
    async (days) => {
      const asOf = addDays(TODAY, days);
      const filters = [
        ...COMMITMENTS.map((commitment) => ({ statuses: ALL_STATUSES, asOf, sector: SECTOR, commitment })),
        ...Array.from({ length: 40 }, () => randomFilter(asOf)),
      ];
      for (const filter of filters) {
        const fromTable = await listAndFacets(testApp, filter, 'standings');
        expect({ filter, ...fromTable }).toEqual({
          filter,
          ...(await listAndFacets(testApp, filter, 'recomputed')),
        });
      }
    },
  );

  it('has rows of every kind to compare, so the comparison is not vacuous', async () => {
    const [counts] = await testApp.app.get(DataSource).query<Array<Record<string, number>>>(
      `SELECT count(*)::int AS brands,
              count(*) FILTER (WHERE s.computed_on = $2::date)::int AS today,
              count(*) FILTER (WHERE cardinality(s.commitment_types) > 0)::int AS committed,
              count(*) FILTER (WHERE s.exposed)::int AS exposed,
              count(*) FILTER (WHERE s.listed_supplier)::int AS listed,
              count(*) FILTER (WHERE s.valid_until IS NOT NULL)::int AS changing
       FROM brand_standings s WHERE $1 = ANY (s.sectors)`,
      [SECTOR, TODAY],
    );
    expect(counts.brands).toBe(22);
    expect(counts.today).toBe(22);
    for (const kind of ['committed', 'exposed', 'listed', 'changing'])
      expect([kind, counts[kind]]).not.toEqual([kind, 0]);
  });

  it('follows writes through the API at once: a verification, a closure, a retraction, a group, a move', async () => {
    const group = await make.verifiedCompany();
    const brand = await make.verifiedBrand({ sectors: [SECTOR], company: group.slug });
    const sibling = (
      await as(researcher, 'POST', '/api/brands', { name: `Sibling ${unique()}`, sectors: [SECTOR] })
    ).body as { id: string; slug: string };
    const typesOf = async (id: string) => (await standingOf(testApp, id))?.commitment_types;

    const drafted = await draftedByResearcher({ brand: brand.slug }, { statedOn: addDays(TODAY, -10) });
    expect(await typesOf(brand.id)).toEqual([]);
    await review(`/api/commitments/${drafted}`, 'verify');
    expect(await typesOf(brand.id)).toEqual([CommitmentType.CallToActionPublic]);

    const finding = await make.verifiedFinding(
      { company: group.slug },
      { publishedOn: addDays(TODAY, -100) },
    );
    expect(await standingOf(testApp, brand.id)).toMatchObject({ exposed: true, computed_on: TODAY });
    const closure = await as(researcher, 'POST', `/api/findings/${finding.id}/closures`, {
      endedOn: TODAY,
      reason: 'relationship_ended',
      summary: 'Ended.',
      evidenceIds: [(await make.verifiedEvidence()).id],
    });
    await as(researcher, 'POST', `/api/closures/${closure.body.id}/submit`);
    expect((await standingOf(testApp, brand.id))?.exposed).toBe(true);
    await review(`/api/closures/${closure.body.id}`, 'verify');
    expect((await standingOf(testApp, brand.id))?.exposed).toBe(false);

    await make.verifiedCommitment(
      { company: group.slug },
      { type: CommitmentType.Retraction, statedOn: addDays(TODAY, -1) },
    );
    expect(await typesOf(brand.id)).toEqual([CommitmentType.Retraction]);
    const future = await make.verifiedCommitment(
      { company: group.slug },
      { type: CommitmentType.ThirdPartyPledge, statedOn: addDays(TODAY, 5) },
    );
    expect(await standingOf(testApp, brand.id)).toMatchObject({
      commitment_types: [CommitmentType.Retraction],
      valid_until: addDays(TODAY, 5),
    });
    expect(future.id).toBeDefined();

    // A draft brand's edit applies at once: it joins the group and takes the group's retraction.
    const moved = await as(researcher, 'PATCH', `/api/brands/${sibling.slug}`, { company: group.slug });
    expect(moved.status).toBe(200);
    expect(await typesOf(sibling.id)).toEqual([CommitmentType.Retraction]);

    const listed = await api(
      testApp,
      'GET',
      `/api/brands?sector=${SECTOR}&commitment=retraction&status=draft`,
      {
        headers: reviewer.headers,
      },
    );
    expect(listed.body.items.map((item: { slug: string }) => item.slug)).toEqual([sibling.slug]);
  });
});
