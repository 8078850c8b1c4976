import { Role } from '../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../support/auth';
import { CatalogueFactory, unique } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/catalogue-api';

/** Bad input is a 400 that names the field, never a 500; taken slugs are a 409. */
describe('input the catalogue refuses', () => {
  let testApp: TestApp;
  let researcher: TestUser;
  let make: CatalogueFactory;
  let brandSlug: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    researcher = await createUser(testApp, Role.Researcher);
    make = new CatalogueFactory(testApp);
    brandSlug = (await make.brand()).slug;
  });

  afterAll(async () => {
    await testApp.close();
  });

  function expectBadField(
    response: { status: number; body: { details?: Array<{ field: string }> } },
    field: string,
  ) {
    expect(response.status).toBe(400);
    expect(response.body.details?.map((problem) => problem.field)).toContain(field);
  }

  const brand = (fields: Record<string, unknown>) => ({ name: `Brand ${unique()}`, ...fields });

  it.each([
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a name of the wrong type', { name: 42 }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['an over-long name', { name: 'x'.repeat(201) }, 'name'],
    ['a non-http website', { website: 'ftp://example.org' }, 'website'],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 'website'],
    ['a slug with capitals', { slug: 'Marks-Spencer' }, 'slug'],
    ['a slug with a double hyphen', { slug: 'marks--spencer' }, 'slug'],
    ['an over-long slug', { slug: 'a'.repeat(101) }, 'slug'],
    ['an unassigned country code', { hqCountry: 'XX' }, 'hqCountry'],
    ['a lower-case country code', { hqCountry: 'gb' }, 'hqCountry'],
    ['a three-letter country code', { hqCountry: 'GBR' }, 'hqCountry'],
    ['a Wikidata id without Q', { wikidataId: '12345' }, 'wikidataId'],
    ['a Wikidata property instead of an item', { wikidataId: 'P31' }, 'wikidataId'],
    ['a Wikidata id longer than its column (20)', { wikidataId: `Q${'1'.repeat(20)}` }, 'wikidataId'],
    ['a short LEI', { lei: '5493001KJTIIGC8Y1R1' }, 'lei'],
    ['an LEI with bad check digits', { lei: '5493001KJTIIGC8Y1RXX' }, 'lei'],
    ['aliases that are not strings', { aliases: [1, 2] }, 'aliases'],
    ['a sector with spaces', { sectors: ['Apparel and shoes'] }, 'sectors'],
    ['a sector named twice', { sectors: ['apparel', 'footwear', 'apparel'] }, 'sectors'],
    ['an Open Supply Hub id with spaces', { openSupplyHubId: 'CN 2019' }, 'openSupplyHubId'],
  ])('refuses a brand with %s', async (_case, fields, field) => {
    expectBadField(
      await api(testApp, 'POST', '/api/brands', { body: brand(fields), headers: researcher.headers }),
      field,
    );
  });

  it('refuses a brand of a company that does not exist', async () => {
    const response = await api(testApp, 'POST', '/api/brands', {
      body: brand({ company: 'no-such-group' }),
      headers: researcher.headers,
    });
    expectBadField(response, 'company');
  });

  it('refuses a company with a bad LEI and a bad country', async () => {
    const response = await api(testApp, 'POST', '/api/companies', {
      body: { name: 'Group', lei: 'short', country: 'UK' },
      headers: researcher.headers,
    });
    expectBadField(response, 'lei');
    expectBadField(response, 'country');
  });

  // Issue 15: each of these passed validation and failed in Postgres's varchar(20) with a 500.
  it('refuses a Wikidata id longer than its column on PATCH of a brand and POST of a company', async () => {
    const tooLong = `Q${'9'.repeat(20)}`;
    const patch = await api(testApp, 'PATCH', `/api/brands/${brandSlug}`, {
      body: { wikidataId: tooLong },
      headers: researcher.headers,
    });
    expectBadField(patch, 'wikidataId');
    const company = await api(testApp, 'POST', '/api/companies', {
      body: { name: `Group ${unique()}`, wikidataId: tooLong },
      headers: researcher.headers,
    });
    expectBadField(company, 'wikidataId');
  });

  it('refuses a sector named twice on PATCH of a brand, saying why', async () => {
    const response = await api(testApp, 'PATCH', `/api/brands/${brandSlug}`, {
      body: { sectors: ['toys', 'toys'] },
      headers: researcher.headers,
    });
    expectBadField(response, 'sectors');
    expect(JSON.stringify(response.body)).toContain('sectors must not name a sector twice');
  });

  it('refuses null for a brand name in a PATCH', async () => {
    const response = await api(testApp, 'PATCH', `/api/brands/${brandSlug}`, {
      body: { name: null },
      headers: researcher.headers,
    });
    expectBadField(response, 'name');
  });

  it('refuses to change a slug by PATCH', async () => {
    const response = await api(testApp, 'PATCH', `/api/brands/${brandSlug}`, {
      body: { slug: 'another' },
      headers: researcher.headers,
    });
    expectBadField(response, 'slug');
  });

  it('answers a taken slug with 409, for brands and companies', async () => {
    const first = await api(testApp, 'POST', '/api/brands', {
      body: brand({ slug: 'taken-slug' }),
      headers: researcher.headers,
    });
    expect(first.status).toBe(201);
    const again = await api(testApp, 'POST', '/api/brands', {
      body: brand({ slug: 'taken-slug' }),
      headers: researcher.headers,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('taken-slug');
    await make.company({ slug: 'taken-group' });
    const group = await api(testApp, 'POST', '/api/companies', {
      body: { name: 'Group', slug: 'taken-group' },
      headers: researcher.headers,
    });
    expect(group.status).toBe(409);
  });

  const commitment = (fields: Record<string, unknown>) => ({
    type: 'call_to_action_public',
    statedOn: '2021-01-06',
    statedOnPrecision: 'day',
    summary: 'Signed.',
    ...fields,
  });

  it.each([
    ['an unknown type', { type: 'promise' }, 'type'],
    ['an impossible date', { statedOn: '2021-02-30' }, 'statedOn'],
    ['a date in another format', { statedOn: '06/01/2021' }, 'statedOn'],
    ['an unknown precision', { statedOnPrecision: 'week' }, 'statedOnPrecision'],
    ['an over-long summary', { summary: 'x'.repeat(2001) }, 'summary'],
    ['an unknown scope key', { scope: { regions: ['XUAR'] } }, 'scope.regions'],
    ['a tier out of range', { scope: { tiers: [5] } }, 'scope.tiers'],
    ['a scope deadline that is not a date', { scope: { deadline: 'soon' } }, 'scope.deadline'],
    ['a scope that is not an object', { scope: 'all tiers' }, 'scope'],
    ['a supersedesId that is not a UUID', { supersedesId: '42' }, 'supersedesId'],
    ['evidence ids that are not UUIDs', { evidenceIds: ['x'] }, 'evidenceIds'],
  ])('refuses a commitment with %s', async (_case, fields, field) => {
    const response = await api(testApp, 'POST', `/api/brands/${brandSlug}/commitments`, {
      body: commitment(fields),
      headers: researcher.headers,
    });
    expectBadField(response, field);
  });

  it('refuses a commitment superseding one of another brand', async () => {
    const other = await make.brand();
    const theirs = await make.commitment({ brand: other.slug });
    const response = await api(testApp, 'POST', `/api/brands/${brandSlug}/commitments`, {
      body: commitment({ supersedesId: theirs.id }),
      headers: researcher.headers,
    });
    expectBadField(response, 'supersedesId');
  });

  it('refuses evidence that does not exist', async () => {
    const response = await api(testApp, 'POST', `/api/brands/${brandSlug}/commitments`, {
      body: commitment({ evidenceIds: ['00000000-0000-4000-8000-000000000000'] }),
      headers: researcher.headers,
    });
    expectBadField(response, 'evidenceIds');
  });

  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)', kind: 'news' }, 'url'],
    ['a file: URL', { url: 'file:///etc/passwd', kind: 'news' }, 'url'],
    ['neither URL nor document', { kind: 'news' }, 'url'],
    ['an unknown kind', { url: 'https://example.org', kind: 'blog' }, 'kind'],
    [
      'an impossible access date',
      { url: 'https://example.org', kind: 'news', accessedOn: '2024-13-01' },
      'accessedOn',
    ],
    [
      'links to a missing finding',
      { url: 'https://example.org', kind: 'news', findingIds: ['00000000-0000-4000-8000-000000000000'] },
      'findingIds',
    ],
  ])('refuses evidence with %s', async (_case, body, field) => {
    expectBadField(await api(testApp, 'POST', '/api/evidence', { body, headers: researcher.headers }), field);
  });

  it.each([
    ['both a brand and a company', { brand: 'a', company: 'b' }, 'brand'],
    ['an unknown kind', { brand: 'a', kind: 'rumour' }, 'kind'],
    ['an end before its start', { endedOn: '2019-01-01' }, 'endedOn'],
  ])('refuses a finding with %s', async (_case, fields, field) => {
    const body = {
      brand: brandSlug,
      kind: 'named_in_report',
      publishedOn: '2020-03-01',
      publishedOnPrecision: 'day',
      finding: 'Named.',
      ...fields,
    };
    expectBadField(await api(testApp, 'POST', '/api/findings', { body, headers: researcher.headers }), field);
  });

  it.each([
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('{"slug":5}').toString('base64url')}`, 'cursor'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['asOf=2021-13-01', 'asOf'],
    ['commitment=promised', 'commitment'],
    ['exposed=maybe', 'exposed'],
    ['country=gb', 'country'],
    ['status=pending', 'status'],
    ['sector=Apparel%20Co', 'sector'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['colour=red', 'colour'],
  ])('refuses the brand list and facets query %s', async (query, field) => {
    expectBadField(await api(testApp, 'GET', `/api/brands?${query}`), field);
    expectBadField(await api(testApp, 'GET', `/api/brands/facets?${query}`), field);
  });

  it('refuses a tampered evidence cursor', async () => {
    const cursor = Buffer.from(JSON.stringify({ at: 'yesterday', id: 'x' })).toString('base64url');
    expectBadField(await api(testApp, 'GET', `/api/evidence?cursor=${cursor}`), 'cursor');
    expectBadField(await api(testApp, 'GET', `/api/findings?cursor=${cursor}`), 'cursor');
    expectBadField(
      await api(testApp, 'GET', `/api/brands/${brandSlug}/commitments?cursor=${cursor}`, {
        headers: researcher.headers,
      }),
      'cursor',
    );
  });

  it('refuses a review decision it does not know', async () => {
    const response = await api(testApp, 'POST', `/api/brands/${brandSlug}/review`, {
      body: { decision: 'approve' },
      headers: (await createUser(testApp, Role.Reviewer)).headers,
    });
    expectBadField(response, 'decision');
  });
});
