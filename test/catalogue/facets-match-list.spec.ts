import { COMMITMENT_TYPES, CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { allPages, api } from '../support/catalogue-api';

/**
 * Facets judge every brand with the set-wise form of the as-of rule (inForceForBrandsSql), the list with
 * the per-brand form (inForceConditions). On timelines with every case of the rule, on several days, the
 * counts must agree.
 */
describe('facets and the list on retractions, supersession and groups', () => {
  let testApp: TestApp;
  const SECTOR = 'facets-as-of';

  beforeAll(async () => {
    testApp = await startTestApp();
    const make = new CatalogueFactory(testApp);
    const brand = (overrides = {}) => make.verifiedBrand({ sectors: [SECTOR], ...overrides });
    const day = (statedOn: string, type = CommitmentType.CallToActionPublic) => ({
      statedOn,
      type,
      statedOnPrecision: DatePrecision.Day,
    });

    const retracted = await brand();
    await make.verifiedCommitment({ brand: retracted.slug }, day('2020-01-01'));
    await make.verifiedCommitment({ brand: retracted.slug }, day('2021-03-24', CommitmentType.Retraction));

    const group = await make.verifiedCompany();
    const leftGroup = await brand({ company: group.slug });
    await brand({ company: group.slug });
    await make.verifiedCommitment(
      { company: group.slug },
      { statedOn: '2020-06-01', statedOnPrecision: DatePrecision.Month },
    );
    await make.verifiedCommitment({ brand: leftGroup.slug }, day('2021-01-01', CommitmentType.Retraction));

    const retractingGroup = await make.verifiedCompany();
    const recommitted = await brand({ company: retractingGroup.slug });
    await make.verifiedCommitment(
      { company: retractingGroup.slug },
      day('2020-01-01', CommitmentType.ThirdPartyPledge),
    );
    await make.verifiedCommitment(
      { company: retractingGroup.slug },
      day('2021-01-01', CommitmentType.Retraction),
    );
    await make.verifiedCommitment(
      { brand: recommitted.slug },
      day('2022-01-01', CommitmentType.PolicyNoRegionSourcing),
    );

    const sameDay = await brand();
    await make.verifiedCommitment({ brand: sameDay.slug }, day('2020-01-01'));
    await make.verifiedCommitment({ brand: sameDay.slug }, day('2020-01-01', CommitmentType.Retraction));

    const superseded = await brand();
    const first = await make.verifiedCommitment({ brand: superseded.slug }, day('2020-01-01'));
    await make.verifiedCommitment(
      { brand: superseded.slug },
      { ...day('2021-06-01', CommitmentType.NoCommitment), supersedesId: first.id },
    );

    const draftRetraction = await brand();
    await make.verifiedCommitment({ brand: draftRetraction.slug }, day('2020-01-01'));
    await make.commitment({ brand: draftRetraction.slug }, day('2021-01-01', CommitmentType.Retraction));

    await brand();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const count = async (query: string) =>
    (await allPages(testApp, `/api/brands?sector=${SECTOR}&${query}`)).items.length;

  it.each(['2019-12-31', '2020-01-01', '2020-06-15', '2020-06-30', '2021-01-01', '2021-06-01', '2023-01-01'])(
    'counts the same brands as the list as of %s',
    async (asOf) => {
      const facets = await api(testApp, 'GET', `/api/brands/facets?sector=${SECTOR}&asOf=${asOf}`);
      expect(facets.status).toBe(200);
      expect(facets.body.total).toBe(await count(`asOf=${asOf}`));
      expect(facets.body.commitment.any).toBe(await count(`asOf=${asOf}&commitment=any`));
      expect(facets.body.commitment.none).toBe(await count(`asOf=${asOf}&commitment=none`));
      const types = new Map<string, number>(
        facets.body.commitment.types.map((item: { value: string; count: number }) => [
          item.value,
          item.count,
        ]),
      );
      for (const type of COMMITMENT_TYPES)
        expect([type, types.get(type) ?? 0]).toEqual([type, await count(`asOf=${asOf}&commitment=${type}`)]);
      const none = await api(
        testApp,
        'GET',
        `/api/brands/facets?sector=${SECTOR}&asOf=${asOf}&commitment=none`,
      );
      expect(none.body.total).toBe(facets.body.commitment.none);
    },
  );

  it('has the expected answer on the last day, so the comparison is not vacuous', async () => {
    const facets = await api(testApp, 'GET', `/api/brands/facets?sector=${SECTOR}&asOf=2023-01-01`);
    // committed: the group's other brand, the brand that committed again, the brand whose retraction is a draft.
    expect(facets.body.commitment).toMatchObject({ any: 3, none: 5 });
  });
});
