import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { allPages, api } from '../support/catalogue-api';

/**
 * The campaigner query (GET /api/brands) and its facets, as of today and as of past days.
 * Each test uses brands in a sector of its own, so tests do not see each other's rows.
 */
describe('the campaigner query', () => {
  let testApp: TestApp;
  let make: CatalogueFactory;

  beforeAll(async () => {
    testApp = await startTestApp();
    make = new CatalogueFactory(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function slugs(query: string): Promise<string[]> {
    const response = await api(testApp, 'GET', `/api/brands?${query}`);
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ slug: string }>).map((item) => item.slug);
  }

  it('counts a group commitment for every brand of the group', async () => {
    const group = await make.verifiedCompany();
    const zara = await make.verifiedBrand({ company: group.slug, sectors: ['group-test'] });
    const massimo = await make.verifiedBrand({ company: group.slug, sectors: ['group-test'] });
    const outsider = await make.verifiedBrand({ sectors: ['group-test'] });
    await make.verifiedCommitment({ company: group.slug });

    expect(await slugs('sector=group-test&commitment=any')).toEqual([zara.slug, massimo.slug].sort());
    expect(await slugs('sector=group-test&commitment=none')).toEqual([outsider.slug]);
    const list = await api(testApp, 'GET', '/api/brands?sector=group-test&commitment=call_to_action_public');
    expect(list.body.items.map((item: { slug: string }) => item.slug)).toEqual(
      [zara.slug, massimo.slug].sort(),
    );
    expect(list.body.items[0]).toMatchObject({
      commitmentTypes: ['call_to_action_public'],
      company: { slug: group.slug },
    });
  });

  it('stops counting a superseded commitment and counts its successor if it commits', async () => {
    const withdrawn = await make.verifiedBrand({ sectors: ['supersede-test'] });
    const upgraded = await make.verifiedBrand({ sectors: ['supersede-test'] });
    const first = await make.verifiedCommitment({ brand: withdrawn.slug }, { statedOn: '2020-01-01' });
    await make.verifiedCommitment(
      { brand: withdrawn.slug },
      { type: CommitmentType.NoCommitment, statedOn: '2022-01-01', supersedesId: first.id },
    );
    const policy = await make.verifiedCommitment(
      { brand: upgraded.slug },
      { type: CommitmentType.PolicyDirectSuppliersOnly, statedOn: '2020-01-01' },
    );
    await make.verifiedCommitment(
      { brand: upgraded.slug },
      { statedOn: '2022-01-01', supersedesId: policy.id },
    );

    expect(await slugs('sector=supersede-test&commitment=none')).toEqual([withdrawn.slug]);
    expect(await slugs('sector=supersede-test&commitment=call_to_action_public')).toEqual([upgraded.slug]);
    expect(await slugs('sector=supersede-test&commitment=policy_direct_suppliers_only')).toEqual([]);
    // Before the successors, both commitments held.
    expect(await slugs('sector=supersede-test&commitment=any&asOf=2021-06-01')).toEqual(
      [withdrawn.slug, upgraded.slug].sort(),
    );
  });

  it('ignores a successor that is not verified yet', async () => {
    const brand = await make.verifiedBrand({ sectors: ['draft-successor-test'] });
    const first = await make.verifiedCommitment({ brand: brand.slug }, { statedOn: '2020-01-01' });
    await make.commitment(
      { brand: brand.slug },
      { type: CommitmentType.NoCommitment, supersedesId: first.id },
    );
    expect(await slugs('sector=draft-successor-test&commitment=any')).toEqual([brand.slug]);
  });

  it('stops counting a commitment once a verified retraction follows it, own or group', async () => {
    const group = await make.verifiedCompany();
    const retractedOwn = await make.verifiedBrand({ sectors: ['retraction-test'] });
    const retractedByGroup = await make.verifiedBrand({ company: group.slug, sectors: ['retraction-test'] });
    const recommitted = await make.verifiedBrand({ sectors: ['retraction-test'] });
    await make.verifiedCommitment(
      { brand: retractedOwn.slug },
      { statedOn: '2020-09-01', statedOnPrecision: DatePrecision.Month },
    );
    await make.verifiedCommitment(
      { brand: retractedOwn.slug },
      { type: CommitmentType.Retraction, statedOn: '2021-03-24' },
    );
    await make.verifiedCommitment({ brand: retractedByGroup.slug }, { statedOn: '2020-01-01' });
    await make.verifiedCommitment(
      { company: group.slug },
      { type: CommitmentType.Retraction, statedOn: '2021-03-25' },
    );
    await make.verifiedCommitment(
      { brand: recommitted.slug },
      { type: CommitmentType.Retraction, statedOn: '2021-03-24' },
    );
    await make.verifiedCommitment({ brand: recommitted.slug }, { statedOn: '2022-01-01' });

    expect(await slugs('sector=retraction-test&commitment=any')).toEqual([recommitted.slug]);
    expect(await slugs('sector=retraction-test&commitment=any&asOf=2021-03-23')).toEqual(
      [retractedOwn.slug, retractedByGroup.slug].sort(),
    );
    expect(await slugs('sector=retraction-test&commitment=retraction')).toEqual(
      [retractedOwn.slug, retractedByGroup.slug, recommitted.slug].sort(),
    );
  });

  it('replays the past with asOf: a brand that committed in 2021 was not committed in 2020', async () => {
    const brand = await make.verifiedBrand({ sectors: ['asof-test'] });
    await make.verifiedCommitment({ brand: brand.slug }, { statedOn: '2021-01-06' });
    expect(await slugs('sector=asof-test&commitment=none&asOf=2020-12-31')).toEqual([brand.slug]);
    expect(await slugs('sector=asof-test&commitment=any&asOf=2021-01-06')).toEqual([brand.slug]);
  });

  it('counts a month-precision statement from the last day of its month', async () => {
    const brand = await make.verifiedBrand({ sectors: ['month-test'] });
    await make.verifiedCommitment(
      { brand: brand.slug },
      { statedOn: '2020-06-15', statedOnPrecision: DatePrecision.Month },
    );
    expect(await slugs('sector=month-test&commitment=any&asOf=2020-06-29')).toEqual([]);
    expect(await slugs('sector=month-test&commitment=any&asOf=2020-06-30')).toEqual([brand.slug]);
  });

  it('does not count denials, no_commitment or unverified commitments as committed', async () => {
    const denier = await make.verifiedBrand({ sectors: ['noncommit-test'] });
    const drafter = await make.verifiedBrand({ sectors: ['noncommit-test'] });
    await make.verifiedCommitment({ brand: denier.slug }, { type: CommitmentType.Denial });
    await make.commitment({ brand: drafter.slug });
    expect(await slugs('sector=noncommit-test&commitment=none')).toEqual([denier.slug, drafter.slug].sort());
    expect(await slugs('sector=noncommit-test&commitment=denial')).toEqual([denier.slug]);
  });

  it('filters on exposure: a verified finding of the brand or its group', async () => {
    const group = await make.verifiedCompany();
    const named = await make.verifiedBrand({ sectors: ['exposed-test'] });
    const viaGroup = await make.verifiedBrand({ company: group.slug, sectors: ['exposed-test'] });
    const draftOnly = await make.verifiedBrand({ sectors: ['exposed-test'] });
    await make.verifiedFinding({ brand: named.slug });
    await make.verifiedFinding({ company: group.slug }, { publishedOn: '2021-01-01' });
    await make.finding({ brand: draftOnly.slug });

    expect(await slugs('sector=exposed-test&exposed=true')).toEqual([named.slug, viaGroup.slug].sort());
    expect(await slugs('sector=exposed-test&exposed=false')).toEqual([draftOnly.slug]);
    expect(await slugs('sector=exposed-test&exposed=true&asOf=2020-12-31')).toEqual([named.slug]);
  });

  it('filters by sector, country and a name or alias in any script', async () => {
    const zara = await make.verifiedBrand({
      name: 'Zara Filtertest',
      aliases: ['飒拉'],
      sectors: ['filter-test'],
      hqCountry: 'ES',
    });
    const nike = await make.verifiedBrand({
      name: 'Nike Filtertest',
      sectors: ['filter-test', 'footwear'],
      hqCountry: 'US',
    });
    expect(await slugs('sector=filter-test&country=ES')).toEqual([zara.slug]);
    expect(await slugs('sector=footwear')).toEqual([nike.slug]);
    expect(await slugs('q=zara%20filtert')).toEqual([zara.slug]);
    expect(await slugs(`q=${encodeURIComponent('飒拉')}`)).toEqual([zara.slug]);
    expect(await slugs('q=NIKE%20FILTER')).toEqual([nike.slug]);
    expect(await slugs('q=100%25')).toEqual([]);
  });

  it('walks every row exactly once across pages', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await make.verifiedBrand({ sectors: ['paging-test'] })).slug);
    const { items, pages } = await allPages<{ id: string; slug: string }>(
      testApp,
      '/api/brands?sector=paging-test&limit=3',
    );
    expect(pages).toBe(3);
    expect(items.map((item) => item.slug)).toEqual(made.sort());
  });

  it('gives facets that match the list for each value', async () => {
    const group = await make.verifiedCompany();
    await make.verifiedBrand({ sectors: ['facet-test', 'footwear'], hqCountry: 'US', company: group.slug });
    await make.verifiedBrand({ sectors: ['facet-test'], hqCountry: 'US' });
    const committed = await make.verifiedBrand({ sectors: ['facet-test'], hqCountry: 'DE' });
    await make.verifiedCommitment({ brand: committed.slug });
    await make.verifiedCommitment({ company: group.slug }, { type: CommitmentType.ThirdPartyPledge });

    const facets = await api(testApp, 'GET', '/api/brands/facets?sector=facet-test');
    expect(facets.status).toBe(200);
    expect(facets.body.total).toBe(3);
    expect(facets.body.commitment).toMatchObject({ any: 2, none: 1 });
    const count = async (query: string) =>
      (await allPages(testApp, `/api/brands?sector=facet-test&${query}`)).items.length;
    for (const { value, count: n } of facets.body.countries) expect(await count(`country=${value}`)).toBe(n);
    for (const { value, count: n } of facets.body.sectors) {
      // One sector filter at a time: list the sector, keep this test's brands.
      const { items } = await allPages<{ id: string; sectors: string[] }>(
        testApp,
        `/api/brands?sector=${value}`,
      );
      expect(items.filter((item) => item.sectors.includes('facet-test'))).toHaveLength(n);
    }
    for (const { value, count: n } of facets.body.commitment.types)
      expect(await count(`commitment=${value}`)).toBe(n);
    expect(await count('commitment=any')).toBe(facets.body.commitment.any);
    expect(await count('commitment=none')).toBe(facets.body.commitment.none);
    expect(facets.body.countries).toEqual([
      { value: 'US', count: 2 },
      { value: 'DE', count: 1 },
    ]);
  });
});
