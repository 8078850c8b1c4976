import { DataSource } from 'typeorm';
import { Brand } from '../../src/catalogue/brands/brand.entity';
import { BrandsService } from '../../src/catalogue/brands/brands.service';
import { toCommitmentView } from '../../src/claims/commitments/commitment-view.mapper';
import { CommitmentsRepository } from '../../src/claims/commitments/commitments.repository';
import { toDisclosureView } from '../../src/claims/disclosures/disclosure-view.mapper';
import { DisclosuresRepository } from '../../src/claims/disclosures/disclosures.repository';
import { toClosureView } from '../../src/claims/findings/closures/closure-view.mapper';
import { ClosuresRepository } from '../../src/claims/findings/closures/closures.repository';
import { toFindingView } from '../../src/claims/findings/finding-view.mapper';
import { FindingsRepository } from '../../src/claims/findings/findings.repository';
import { CapturesService } from '../../src/evidence/captures/captures.service';
import type { Evidence } from '../../src/evidence/sources/evidence.entity';
import type { EvidenceOwner } from '../../src/evidence/sources/evidence.repository';
import { EvidenceService } from '../../src/evidence/sources/evidence.service';
import { ReviewStatus } from '../../src/kernel/review/review-status';
import { Role } from '../../src/identity/auth/role.enum';
import { knownBy, statementsInForce } from '../../src/kernel/as-of/as-of-rule';
import { today } from '../../src/kernel/dates/today';
import { canSee, type Viewer } from '../../src/kernel/review/visibility';
import { PublicSiteService } from '../../src/public/site/public-site.service';
import type { BrandRecord } from '../../src/scorecards/brand-record';
import { recordsById, toScorecardView } from '../../src/scorecards/scorecard-view.mapper';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { seededRandom } from '../support/seeded-random';
import { insertRandomGroup } from './random-records';

const SIBLINGS_SHOWN = 50;
const DAYS = ['2019-12-31', '2020-03-01', '2021-06-15', '2022-07-01', '2023-09-30', today()];
const STAFF: Viewer = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'r@example.org',
  role: Role.Researcher,
};

/**
 * The scorecard's one-statement load (BrandRecordRepository) against the per-service loads it replaced, run
 * here as main ran them: the brand through BrandsService.get, then each claim service's verified reads and
 * the captures of their evidence. On random groups (supersessions, retractions, findings closed before and
 * after the day, group-level records, evidence with and without captures, drafts everywhere) both must give
 * the same record, hence the same scorecard and brand page, for every day and for anonymous and staff readers.
 * The rule-dependent parts (in force on the day, known by the day, ended when) are SQL; a drift from the rule
 * in kernel/as-of shows here as a difference, and the in-force flags are also checked against the rule's
 * TypeScript form.
 */
describe('the scorecard loads a brand in one statement', () => {
  let testApp: TestApp;
  const slugs: string[] = [];

  beforeAll(async () => {
    testApp = await startTestApp();
    const db = testApp.app.get(DataSource);
    const random = seededRandom(20261206);
    for (let group = 0; group < 24; group++) slugs.push(...(await insertRandomGroup(db, random)));
  });
  afterAll(() => testApp.close());

  /**
   * ScorecardsService.load as it was: the brand through BrandsService.get, then one query per claim kind through
   * its repository (the filters main's per-service methods passed), the verified evidence of each through
   * EvidenceService, mapped by the claims' own view mappers, then the captures of all that evidence.
   */
  async function perServiceLoad(slug: string, viewer: Viewer, asOf: string): Promise<BrandRecord> {
    const get = <T>(type: new (...args: never[]) => T) => testApp.app.get(type);
    const verified = [ReviewStatus.Verified];
    const withEvidence = async <Row extends { id: string }, View>(
      owner: EvidenceOwner,
      rows: Row[],
      toView: (row: Row, evidence: Evidence[], reader: Viewer) => View,
    ): Promise<View[]> => {
      const evidence = await get(EvidenceService).linkedTo(
        owner,
        rows.map((row) => row.id),
        undefined,
      );
      return rows.map((row) => toView(row, evidence.get(row.id) ?? [], undefined));
    };
    const brand = await get(BrandsService).get(slug, viewer);
    const ofBrand = { brandId: brand.id, brandCompanyId: brand.companyId };
    const [commitments, findings, disclosures, siblings] = await Promise.all([
      get(CommitmentsRepository)
        .timeline({ brandId: brand.id }, { statuses: verified, asOf, limit: 1000 })
        .then((rows) => withEvidence('commitment', rows, toCommitmentView)),
      get(FindingsRepository)
        .list({ statuses: verified, ...ofBrand, knownOn: asOf, limit: 1000 })
        .then((rows) => withEvidence('finding', rows, toFindingView)),
      get(DisclosuresRepository)
        .list({ statuses: verified, ...ofBrand, limit: 1000 })
        .then((rows) => withEvidence('disclosure', rows, toDisclosureView)),
      brand.companyId
        ? get(DataSource)
            .getRepository(Brand)
            .find({
              where: { companyId: brand.companyId, status: ReviewStatus.Verified },
              order: { slug: 'ASC' },
              take: SIBLINGS_SHOWN + 1,
            })
        : [],
    ]);
    const closures = findings.length
      ? await withEvidence(
          'closure',
          await get(ClosuresRepository).list({
            statuses: verified,
            findingIds: findings.map((finding) => finding.id),
          }),
          toClosureView,
        )
      : [];
    const evidenceIds = [...commitments, ...findings, ...disclosures, ...closures].flatMap((r) =>
      r.evidence.map((e) => e.id),
    );
    const group = brand.company && canSee(viewer, brand.company.status) ? brand.company : null;
    const { id, name, aliases, sectors, hqCountry, website, companyId, status } = brand;
    return {
      brand: { id, slug: brand.slug, name, aliases, sectors, hqCountry, website, companyId, status },
      group: group ? { slug: group.slug, name: group.name } : null,
      siblings: siblings
        .filter((sibling) => sibling.id !== brand.id)
        .slice(0, SIBLINGS_SHOWN)
        .map((sibling) => ({ slug: sibling.slug, name: sibling.name })),
      commitments,
      findings,
      disclosures,
      closures,
      captures: await get(CapturesService).summaries(evidenceIds),
    };
  }

  async function outcome<T>(work: Promise<T>): Promise<T | { error: string }> {
    try {
      return await work;
    } catch (error: unknown) {
      return { error: String(error) };
    }
  }

  it('gives the same record, scorecard and brand page as the per-service loads, for every day and reader', async () => {
    const scorecards = testApp.app.get(ScorecardsService);
    const site = testApp.app.get(PublicSiteService);
    let compared = 0;
    let hidden = 0;
    const shown = new Set<string>();
    for (const slug of [...slugs, 'no-such-brand']) {
      for (const viewer of [undefined, STAFF]) {
        for (const asOf of DAYS) {
          const expected = await outcome(perServiceLoad(slug, viewer, asOf));
          const actual = await outcome(scorecards.load(slug, viewer, asOf));
          expect({ slug, viewer: viewer?.role, asOf, record: actual }).toEqual({
            slug,
            viewer: viewer?.role,
            asOf,
            record: expected,
          });
          if ('error' in expected || 'error' in actual) {
            hidden++;
            continue;
          }
          compared++;
          // The page and the card as they were built before: the card, then the records again for the timeline.
          const card = toScorecardView(expected, scorecards.score(expected, asOf));
          const timeline = knownBy(
            [...recordsById(expected).values()],
            (item) => item.effectiveOn,
            asOf,
          ).sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn));
          expect(await scorecards.scorecard(slug, asOf, viewer)).toEqual(card);
          const page = await site.brandPage(slug, asOf, viewer);
          expect({ card: page.card, timeline: page.timeline, siblings: page.siblings }).toEqual({
            card,
            timeline,
            siblings: expected.siblings,
          });
          const standing = new Set(statementsInForce(expected.commitments, asOf).map((c) => c.id));
          for (const commitment of actual.commitments) {
            expect({ id: commitment.id, asOf, inForce: commitment.inForce }).toEqual({
              id: commitment.id,
              asOf,
              inForce: standing.has(commitment.id),
            });
          }
          shown.add(slug);
        }
      }
    }
    // The random catalogue did reach the shapes it is meant to cover.
    expect(compared).toBeGreaterThan(200);
    expect(hidden).toBeGreaterThan(10);
    expect(await unpublishedNear([...shown])).toBeGreaterThan(0);
  });

  it('answers the scorecard API with the per-service record scored, for anonymous readers', async () => {
    const scorecards = testApp.app.get(ScorecardsService);
    for (const slug of slugs.slice(0, 12)) {
      const expected = await outcome(perServiceLoad(slug, undefined, '2023-09-30'));
      const response = await fetch(`${testApp.baseUrl}/api/brands/${slug}/scorecard?asOf=2023-09-30`);
      if ('error' in expected) {
        expect(response.status).toBe(404);
        continue;
      }
      expect(response.status).toBe(200);
      const card = toScorecardView(expected, scorecards.score(expected, '2023-09-30'));
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(card)));
    }
  });

  /** How many unpublished records of these brands and their groups exist (none may appear in either load). */
  async function unpublishedNear(shownSlugs: string[]): Promise<number> {
    const [{ count }] = await testApp.app.get(DataSource).query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM brands b
       JOIN commitments c ON (c.brand_id = b.id OR c.company_id = b.company_id) AND c.status <> 'verified'
       WHERE b.slug = ANY($1::text[])`,
      [shownSlugs],
    );
    return count;
  }
});
