import { Role } from '../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../support/auth';
import { unique } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/catalogue-api';

/** draft -> submitted -> verified | rejected, with four eyes and a reason for every rejection. */
describe('reviewing catalogue entries', () => {
  let testApp: TestApp;
  let researcher: TestUser;
  let reviewer: TestUser;
  let otherReviewer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    otherReviewer = await createUser(testApp, Role.Reviewer);
    admin = await createUser(testApp, Role.Admin);
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function submittedBrand(by: TestUser): Promise<string> {
    const created = await api(testApp, 'POST', '/api/brands', {
      body: { name: `Brand ${unique()}` },
      headers: by.headers,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const submitted = await api(testApp, 'POST', `/api/brands/${created.body.slug}/submit`, {
      headers: by.headers,
    });
    expect(submitted.body.status).toBe('submitted');
    return created.body.slug as string;
  }

  it('does not let the creator verify their own entry, even an admin', async () => {
    const slug = await submittedBrand(admin);
    const response = await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'verify' },
      headers: admin.headers,
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/four-eyes/);
    const brand = await api(testApp, 'GET', `/api/brands/${slug}`, { headers: admin.headers });
    expect(brand.body.status).toBe('submitted');
  });

  it('lets another reviewer verify, recording who, when and the note', async () => {
    const slug = await submittedBrand(researcher);
    const response = await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'verify', note: 'Checked against the annual report' },
      headers: otherReviewer.headers,
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('verified');
    const audit = await api(testApp, 'GET', `/api/audit?entityType=brand&entityId=${response.body.id}`, {
      headers: reviewer.headers,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: 'brand.review.verify',
      actorId: otherReviewer.id,
      before: { status: 'submitted' },
      after: {
        status: 'verified',
        reviewedById: otherReviewer.id,
        reviewNote: 'Checked against the annual report',
      },
    });
  });

  it('needs a note to reject, and a rejected entry can be fixed and resubmitted', async () => {
    const slug = await submittedBrand(researcher);
    const silent = await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'reject', note: '  ' },
      headers: reviewer.headers,
    });
    expect(silent.status).toBe(400);
    expect(silent.body.details).toEqual([{ field: 'note', reasons: ['note is required when rejecting'] }]);

    const rejected = await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'reject', note: 'Wrong headquarters country' },
      headers: reviewer.headers,
    });
    expect(rejected.body.status).toBe('rejected');
    const fixed = await api(testApp, 'PATCH', `/api/brands/${slug}`, {
      body: { hqCountry: 'FR' },
      headers: researcher.headers,
    });
    expect(fixed.body).toMatchObject({ status: 'draft', hqCountry: 'FR' });
    const resubmitted = await api(testApp, 'POST', `/api/brands/${slug}/submit`, {
      headers: researcher.headers,
    });
    expect(resubmitted.body.status).toBe('submitted');
  });

  it('reviews only submitted entries', async () => {
    const draft = await api(testApp, 'POST', '/api/brands', {
      body: { name: `Brand ${unique()}` },
      headers: researcher.headers,
    });
    const early = await api(testApp, 'POST', `/api/brands/${draft.body.slug}/review`, {
      body: { decision: 'verify' },
      headers: reviewer.headers,
    });
    expect(early.status).toBe(409);
    const slug = await submittedBrand(researcher);
    await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'verify' },
      headers: reviewer.headers,
    });
    const twice = await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'reject', note: 'Changed my mind' },
      headers: otherReviewer.headers,
    });
    expect(twice.status).toBe(409);
  });

  it('keeps a verified brand verified when it is edited, and audits the before and after', async () => {
    const slug = await submittedBrand(researcher);
    await api(testApp, 'POST', `/api/brands/${slug}/review`, {
      body: { decision: 'verify' },
      headers: reviewer.headers,
    });
    const edited = await api(testApp, 'PATCH', `/api/brands/${slug}`, {
      body: { aliases: ['ザラ'], website: 'https://example.com' },
      headers: researcher.headers,
    });
    expect(edited.body).toMatchObject({
      status: 'verified',
      aliases: ['ザラ'],
      website: 'https://example.com',
    });
    const audit = await api(testApp, 'GET', `/api/audit?entityType=brand&entityId=${edited.body.id}`, {
      headers: reviewer.headers,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: 'brand.update',
      actorId: researcher.id,
      before: { aliases: [], website: null },
      after: { aliases: ['ザラ'], website: 'https://example.com' },
    });
  });

  it('will not verify a commitment until a source it cites is verified, or verified with it', async () => {
    const slug = await submittedBrand(researcher);
    const commitment = await api(testApp, 'POST', `/api/brands/${slug}/commitments`, {
      body: {
        type: 'denial',
        statedOn: '2024-11-28',
        statedOnPrecision: 'day',
        summary: 'Denied using the cotton.',
      },
      headers: researcher.headers,
    });
    await api(testApp, 'POST', `/api/commitments/${commitment.body.id}/submit`, {
      headers: researcher.headers,
    });
    const unsupported = await api(testApp, 'POST', `/api/commitments/${commitment.body.id}/review`, {
      body: { decision: 'verify' },
      headers: reviewer.headers,
    });
    expect(unsupported.status).toBe(409);
    expect(unsupported.body.message).toMatch(/evidence/);

    const evidence = await api(testApp, 'POST', '/api/evidence', {
      body: {
        url: 'https://www.bbc.co.uk/news/articles/example',
        kind: 'news',
        commitmentIds: [commitment.body.id],
      },
      headers: researcher.headers,
    });
    expect(evidence.status).toBe(201);
    // The publication rule: a draft source is no source yet; the refusal names it and where it stands.
    const draftSource = await api(testApp, 'POST', `/api/commitments/${commitment.body.id}/review`, {
      body: { decision: 'verify', withSources: true },
      headers: reviewer.headers,
    });
    expect(draftSource.status).toBe(409);
    expect(draftSource.body.details).toEqual([
      { field: 'evidence', reasons: [expect.stringContaining(`evidence ${evidence.body.id}`)] },
    ]);
    expect(draftSource.body.details[0].reasons[0]).toMatch(/is draft$/);

    await api(testApp, 'POST', `/api/evidence/${evidence.body.id}/submit`, { headers: researcher.headers });
    const withoutSources = await api(testApp, 'POST', `/api/commitments/${commitment.body.id}/review`, {
      body: { decision: 'verify' },
      headers: reviewer.headers,
    });
    expect(withoutSources.status).toBe(409);
    expect(withoutSources.body.details[0].reasons[0]).toMatch(/is submitted$/);

    const verified = await api(testApp, 'POST', `/api/commitments/${commitment.body.id}/review`, {
      body: { decision: 'verify', withSources: true },
      headers: reviewer.headers,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.evidence.map((item: { status: string }) => item.status)).toEqual(['verified']);
    expect(verified.body.status).toBe('verified');
  });
});
