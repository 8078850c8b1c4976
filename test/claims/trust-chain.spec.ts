import { DataSource } from 'typeorm';
import { BrandsService } from '../../src/catalogue/brands/brands.service';
import { Role } from '../../src/identity/auth/role.enum';
import { createUser, type TestUser } from '../support/auth';
import { api } from '../support/catalogue-api';
import { CatalogueFactory, unique } from '../support/factories';
import { runCli } from '../support/run-cli';
import { html } from '../support/fixture-server';
import {
  checkOnce,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';

// Two checks of a watched page by the in-process worker.
jest.setTimeout(90_000);

/**
 * The chain from a brand's page to a public grade, through the REST API alone, as separate people: a
 * researcher r1 and two reviewers v1 and v2, no admin anywhere.
 */
describe('the trust chain, through the API', () => {
  let harness: Harness;
  let r1: TestUser;
  let v1: TestUser;
  let v2: TestUser;

  beforeAll(async () => {
    harness = await startHarness();
    r1 = harness.researcher;
    v1 = harness.reviewer;
    v2 = await createUser(harness.testApp, Role.Reviewer);
  });
  afterAll(() => harness.close());

  const call = (method: string, path: string, as: TestUser | null, body?: unknown) =>
    api(harness.testApp, method, path, { body, headers: as?.headers });

  /** A brand made by r1 and verified by v1, as a team would. */
  async function verifiedBrand(): Promise<string> {
    const made = await api<{ slug: string }>(harness.testApp, 'POST', '/api/brands', {
      body: { name: `Brand ${unique()}`, sectors: ['apparel'] },
      headers: r1.headers,
    });
    expect(made.status).toBe(201);
    expect((await call('POST', `/api/brands/${made.body.slug}/submit`, r1)).status).toBe(200);
    expect(
      (await call('POST', `/api/brands/${made.body.slug}/review`, v1, { decision: 'verify' })).status,
    ).toBe(200);
    return made.body.slug;
  }

  it('publishes a commitment only with its verified source, and the scorecard shows that source', async () => {
    const slug = await verifiedBrand();
    const evidence = await call('POST', '/api/evidence', r1, {
      url: 'https://example.org/statement',
      kind: 'company_statement',
      title: 'Our sourcing policy',
    });
    const commitment = await call('POST', `/api/brands/${slug}/commitments`, r1, {
      type: 'policy_no_region_sourcing',
      statedOn: '2021-03-01',
      statedOnPrecision: 'day',
      summary: 'No sourcing from the region at any tier.',
      evidenceIds: [evidence.body.id],
    });
    const submitted = await call('POST', `/api/commitments/${commitment.body.id}/submit`, r1);
    expect(submitted.status).toBe(200);
    // Submitting the claim submitted the source its author logged with it.
    expect(submitted.body.evidence.map((e: { status: string }) => e.status)).toEqual(['submitted']);

    const refused = await call('POST', `/api/commitments/${commitment.body.id}/review`, v1, {
      decision: 'verify',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details[0]).toEqual({
      field: 'evidence',
      reasons: [`evidence ${evidence.body.id} (Our sourcing policy) is submitted`],
    });
    const scorecardBefore = await call('GET', `/api/brands/${slug}/scorecard`, null);
    expect(scorecardBefore.body.assessed).toBe(false);

    const verified = await call('POST', `/api/commitments/${commitment.body.id}/review`, v1, {
      decision: 'verify',
      withSources: true,
    });
    expect(verified.status).toBe(200);
    const card = await call('GET', `/api/brands/${slug}/scorecard`, null);
    const point = card.body.indicators.find((i: { indicator: string }) => i.indicator === 'commitment');
    expect(point.points).toBe(30);
    expect(point.ruleUrl).toBe('/methodology#commitment');
    expect(point.records[0].evidence.map((e: { id: string }) => e.id)).toEqual([evidence.body.id]);
  });

  it('turns a softened statement into a superseding commitment in one motion, verified by a second reviewer', async () => {
    const brands = harness.testApp.app.get(BrandsService);
    await brands.verifyAsSystem(harness.brandSlug, 'test data');
    // What the brand said before, on the public record.
    const oldSource = await call('POST', '/api/evidence', r1, {
      url: 'https://example.org/old',
      kind: 'company_statement',
    });
    const old = await call('POST', `/api/brands/${harness.brandSlug}/commitments`, r1, {
      type: 'policy_no_region_sourcing',
      statedOn: '2021-01-06',
      statedOnPrecision: 'day',
      summary: 'We do not source from the region.',
      evidenceIds: [oldSource.body.id],
    });
    await call('POST', `/api/commitments/${old.body.id}/submit`, r1);
    await call('POST', `/api/commitments/${old.body.id}/review`, v1, {
      decision: 'verify',
      withSources: true,
    });

    harness.site.route('/policy', html(policyPage()));
    const watch = await createWatch(harness, '/policy');
    await waitForCheck(harness, `check:${watch.id}:first`);
    harness.site.route('/policy', html(policyPage({ statement: REGION_SOURCING_HEDGED })));
    expect(await checkOnce(harness, watch.id)).toBe('changed');
    const [flag] = await sql<{ id: string; significance: string }>(
      harness,
      'SELECT id, significance FROM flags WHERE watch_id = $1',
      [watch.id],
    );
    expect(flag.significance).toBe('major');

    const draft = {
      type: 'policy_direct_suppliers_only',
      statedOn: '2026-12-01',
      statedOnPrecision: 'known_by',
      summary: 'Now only aims to reduce sourcing from the region.',
      supersedesId: old.body.id,
    };
    // A refused draft leaves nothing behind: the flag stays open, no evidence or commitment is written.
    const evidenceBefore = await sql<{ n: number }>(harness, 'SELECT count(*)::int AS n FROM evidence');
    const bad = await call('POST', `/api/flags/${flag.id}/resolve`, v1, {
      resolution: 'confirmed',
      create: {
        commitment: { ...draft, supersedesId: '00000000-0000-4000-8000-000000000000' },
        evidence: {},
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('supersedesId');
    expect(await sql(harness, 'SELECT count(*)::int AS n FROM evidence')).toEqual(evidenceBefore);
    expect((await call('GET', `/api/flags/${flag.id}`, v1)).body.status).toBe('open');

    const confirmed = await call('POST', `/api/flags/${flag.id}/resolve`, v1, {
      resolution: 'confirmed',
      create: { commitment: draft, evidence: {} },
    });
    expect(confirmed.status).toBe(200);
    const again = await call('POST', `/api/flags/${flag.id}/resolve`, v1, { resolution: 'confirmed' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already confirmed/);

    // Already up for review as v1's, with its evidence; only another reviewer may verify it.
    const drafted = await call('GET', `/api/commitments/${confirmed.body.createdCommitmentId}`, v1);
    expect(drafted.body.status).toBe('submitted');
    expect(drafted.body.evidence.map((e: { status: string }) => e.status)).toEqual(['submitted']);
    const own = await call('POST', `/api/commitments/${drafted.body.id}/review`, v1, {
      decision: 'verify',
      withSources: true,
    });
    expect(own.status).toBe(403);
    const notTheirs = await call('POST', `/api/commitments/${drafted.body.id}/submit`, r1);
    expect(notTheirs.status).toBe(403);
    const verified = await call('POST', `/api/commitments/${drafted.body.id}/review`, v2, {
      decision: 'verify',
      withSources: true,
    });
    expect(verified.status).toBe(200);

    const card = await call('GET', `/api/brands/${harness.brandSlug}/scorecard`, null);
    const point = card.body.indicators.find((i: { indicator: string }) => i.indicator === 'commitment');
    expect(point.records.map((r: { id: string }) => r.id)).toEqual([drafted.body.id]);
    expect(point.points).toBe(15);
  });

  it('ends an own-facility finding on the day of its verified closure: capped the day before, not after', async () => {
    const slug = await verifiedBrand();
    const source = await call('POST', '/api/evidence', r1, {
      url: 'https://example.org/plant',
      kind: 'news',
    });
    const finding = await call('POST', '/api/findings', r1, {
      brand: slug,
      kind: 'own_facility_in_region',
      publishedOn: '2019-05-01',
      publishedOnPrecision: 'day',
      finding: 'Operates a plant in the region.',
      response: 'responded_without_action',
      evidenceIds: [source.body.id],
    });
    await call('POST', `/api/findings/${finding.body.id}/submit`, r1);
    await call('POST', `/api/findings/${finding.body.id}/review`, v1, {
      decision: 'verify',
      withSources: true,
    });
    const commitmentSource = await call('POST', '/api/evidence', r1, {
      url: 'https://example.org/cta',
      kind: 'news',
    });
    const commitment = await call('POST', `/api/brands/${slug}/commitments`, r1, {
      type: 'call_to_action_public',
      statedOn: '2020-01-01',
      statedOnPrecision: 'day',
      summary: 'Signed.',
      evidenceIds: [commitmentSource.body.id],
    });
    await call('POST', `/api/commitments/${commitment.body.id}/submit`, r1);
    await call('POST', `/api/commitments/${commitment.body.id}/review`, v1, {
      decision: 'verify',
      withSources: true,
    });

    const early = await call('POST', `/api/findings/${finding.body.id}/closures`, r1, {
      endedOn: '2019-04-30',
      reason: 'facility_sold',
      summary: 'Sold.',
    });
    expect(early.status).toBe(400);
    expect(early.body.details[0].field).toBe('endedOn');

    const saleSource = await call('POST', '/api/evidence', r1, {
      url: 'https://example.org/sale',
      kind: 'news',
    });
    const closure = await call('POST', `/api/findings/${finding.body.id}/closures`, r1, {
      endedOn: '2024-11-27',
      reason: 'facility_sold',
      summary: 'The plant was sold.',
      evidenceIds: [saleSource.body.id],
    });
    expect(closure.status).toBe(201);
    const second = await call('POST', `/api/findings/${finding.body.id}/closures`, r1, {
      endedOn: '2024-12-01',
      reason: 'facility_closed',
      summary: 'Closed.',
    });
    expect(second.status).toBe(409);
    await call('POST', `/api/closures/${closure.body.id}/submit`, r1);
    // Still a draft claim: the plant counts until the closure is verified.
    expect(
      (await call('GET', `/api/brands/${slug}/scorecard?asOf=2025-01-01`, null)).body.cap,
    ).not.toBeNull();
    const verified = await call('POST', `/api/closures/${closure.body.id}/review`, v2, {
      decision: 'verify',
      withSources: true,
    });
    expect(verified.status).toBe(200);

    const before = await call('GET', `/api/brands/${slug}/scorecard?asOf=2024-11-26`, null);
    expect(before.body.grade).toBe('F');
    expect(before.body.cap.ruleUrl).toBe('/methodology#own-facility-cap');
    const after = await call('GET', `/api/brands/${slug}/scorecard?asOf=2024-11-28`, null);
    expect(after.body.cap).toBeNull();
    const response = after.body.indicators.find(
      (i: { indicator: string }) => i.indicator === 'exposureResponse',
    );
    expect(response.points).toBe(20);
    expect(response.explanation).toMatch(/1 ended finding\(s\) not counted/);

    const exposed = (asOf: string) =>
      call('GET', `/api/brands?exposed=true&asOf=${asOf}&q=${slug.split('-').pop()}`, null);
    expect((await exposed('2024-11-26')).body.items.map((b: { slug: string }) => b.slug)).toEqual([slug]);
    expect((await exposed('2024-11-28')).body.items).toEqual([]);
  });

  it('lists verified claims that cite no verified source (publication:check)', async () => {
    const clean = await runCli(['publication:check'], harness.testApp.config.databaseUrl);
    expect(clean.code).toBe(0);
    // A claim verified before the rule held: written by hand, as an old database would have it.
    const draft = await new CatalogueFactory(harness.testApp).commitment({ brand: harness.brandSlug });
    const db = harness.testApp.app.get(DataSource);
    const [[row]] = await db.query<[Array<{ id: string }>, number]>(
      `UPDATE commitments SET status = 'verified', reviewed_at = now() WHERE id = $1 RETURNING id`,
      [draft.id],
    );
    const found = await runCli(['publication:check'], harness.testApp.config.databaseUrl);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`"id":"${row.id}"`);
  });
});
