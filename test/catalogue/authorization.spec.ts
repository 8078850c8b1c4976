import { Role } from '../../src/identity/auth/role.enum';
import type { AuthenticatedUser } from '../../src/identity/auth/authenticated-user';
import { BrandsService } from '../../src/catalogue/brands/brands.service';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { CommitmentsService } from '../../src/claims/commitments/commitments.service';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { CompaniesService } from '../../src/catalogue/companies/companies.service';
import { EvidenceKind } from '../../src/evidence/sources/evidence-kind';
import { EvidenceService } from '../../src/evidence/sources/evidence.service';
import { FindingKind } from '../../src/claims/findings/finding-kind';
import { FindingsService } from '../../src/claims/findings/findings.service';
import { createUser, TestUser } from '../support/auth';
import { unique } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/catalogue-api';

type Caller = 'anonymous' | 'researcher' | 'reviewer' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'researcher', 'reviewer', 'admin'];

interface WriteRoute {
  name: string;
  /** Makes what the call needs, fresh for each caller, and returns the request. */
  prepare: () => Promise<{ method: string; path: string; body?: unknown }>;
  expected: Record<Caller, number>;
}

/** Every write route against every kind of caller: 401 without a user, 403 for the wrong role, else success. */
describe('who may write to the catalogue', () => {
  let testApp: TestApp;
  let users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  let author: AuthenticatedUser;
  let researcher: AuthenticatedUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    users = {
      researcher: await createUser(testApp, Role.Researcher),
      reviewer: await createUser(testApp, Role.Reviewer),
      admin: await createUser(testApp, Role.Admin),
    };
    const other = await createUser(testApp, Role.Researcher);
    author = { id: other.id, email: other.email, role: Role.Researcher };
    researcher = { id: users.researcher.id, email: users.researcher.email, role: Role.Researcher };
  });

  afterAll(async () => {
    await testApp.close();
  });

  const service = <T>(type: new (...args: never[]) => T): T => testApp.app.get(type);
  const company = (by: AuthenticatedUser | null = null) =>
    service(CompaniesService).create({ name: `Group ${unique()}` }, by);
  const brand = (by: AuthenticatedUser | null = null) =>
    service(BrandsService).create({ name: `Brand ${unique()}` }, by);
  const evidence = (by: AuthenticatedUser | null = null) =>
    service(EvidenceService).create({ url: `https://example.org/${unique()}`, kind: EvidenceKind.News }, by);
  const commitmentInput = {
    type: CommitmentType.Denial,
    statedOn: '2024-11-28',
    statedOnPrecision: DatePrecision.Day,
    summary: 'Denied.',
  };
  const findingInput = {
    kind: FindingKind.NamedInReport,
    publishedOn: '2020-03-01',
    publishedOnPrecision: DatePrecision.Day,
    finding: 'Named in a report.',
  };
  const commitment = async (by: AuthenticatedUser | null = null) => {
    const source = await evidence(by); // the author's own source goes up for review with the claim
    return service(CommitmentsService).createForBrand(
      (await brand()).slug,
      { ...commitmentInput, evidenceIds: [source.id] },
      by,
    );
  };
  const finding = async (by: AuthenticatedUser | null = null) => {
    const source = await evidence(by);
    return service(FindingsService).createForBrand(
      (await brand()).slug,
      { ...findingInput, evidenceIds: [source.id] },
      by,
    );
  };
  const create = { anonymous: 401, researcher: 201, reviewer: 403, admin: 201 };
  const edit = { anonymous: 401, researcher: 200, reviewer: 403, admin: 200 };
  const review = { anonymous: 401, researcher: 403, reviewer: 200, admin: 200 };
  /** Submitting is for the creator: the researcher caller submits their own draft, the admin anyone's. */
  const submit = { anonymous: 401, researcher: 200, reviewer: 403, admin: 200 };

  const routes: WriteRoute[] = [
    {
      name: 'POST /api/companies',
      expected: create,
      prepare: () =>
        Promise.resolve({ method: 'POST', path: '/api/companies', body: { name: `Group ${unique()}` } }),
    },
    {
      name: 'PATCH /api/companies/:slug',
      expected: edit,
      prepare: async () => ({
        method: 'PATCH',
        path: `/api/companies/${(await company()).slug}`,
        body: { country: 'ES' },
      }),
    },
    {
      name: 'POST /api/companies/:slug/submit',
      expected: submit,
      prepare: async () => ({
        method: 'POST',
        path: `/api/companies/${(await company(researcher)).slug}/submit`,
      }),
    },
    {
      name: 'POST /api/companies/:slug/review',
      expected: review,
      prepare: async () => {
        const made = await company(author);
        await service(CompaniesService).submit(made.slug, author);
        return { method: 'POST', path: `/api/companies/${made.slug}/review`, body: { decision: 'verify' } };
      },
    },
    {
      name: 'POST /api/brands',
      expected: create,
      prepare: () =>
        Promise.resolve({ method: 'POST', path: '/api/brands', body: { name: `Brand ${unique()}` } }),
    },
    {
      name: 'PATCH /api/brands/:slug',
      expected: edit,
      prepare: async () => ({
        method: 'PATCH',
        path: `/api/brands/${(await brand()).slug}`,
        body: { sectors: ['apparel'] },
      }),
    },
    {
      name: 'POST /api/brands/:slug/submit',
      expected: submit,
      prepare: async () => ({ method: 'POST', path: `/api/brands/${(await brand(researcher)).slug}/submit` }),
    },
    {
      name: 'POST /api/brands/:slug/review',
      expected: review,
      prepare: async () => {
        const made = await brand(author);
        await service(BrandsService).submit(made.slug, author);
        return {
          method: 'POST',
          path: `/api/brands/${made.slug}/review`,
          body: { decision: 'reject', note: 'Wrong group' },
        };
      },
    },
    {
      name: 'POST /api/brands/:slug/commitments',
      expected: create,
      prepare: async () => ({
        method: 'POST',
        path: `/api/brands/${(await brand()).slug}/commitments`,
        body: commitmentInput,
      }),
    },
    {
      name: 'POST /api/companies/:slug/commitments',
      expected: create,
      prepare: async () => ({
        method: 'POST',
        path: `/api/companies/${(await company()).slug}/commitments`,
        body: commitmentInput,
      }),
    },
    {
      name: 'POST /api/commitments/:id/submit',
      expected: submit,
      prepare: async () => ({
        method: 'POST',
        path: `/api/commitments/${(await commitment(researcher)).id}/submit`,
      }),
    },
    {
      name: 'POST /api/commitments/:id/review',
      expected: review,
      prepare: async () => {
        const made = await commitment(author);
        await service(CommitmentsService).submit(made.id, author);
        return {
          method: 'POST',
          path: `/api/commitments/${made.id}/review`,
          body: { decision: 'verify', withSources: true },
        };
      },
    },
    {
      name: 'POST /api/findings',
      expected: create,
      prepare: async () => ({
        method: 'POST',
        path: '/api/findings',
        body: { ...findingInput, brand: (await brand()).slug },
      }),
    },
    {
      name: 'POST /api/brands/:slug/findings',
      expected: create,
      prepare: async () => ({
        method: 'POST',
        path: `/api/brands/${(await brand()).slug}/findings`,
        body: findingInput,
      }),
    },
    {
      name: 'POST /api/findings/:id/submit',
      expected: submit,
      prepare: async () => ({
        method: 'POST',
        path: `/api/findings/${(await finding(researcher)).id}/submit`,
      }),
    },
    {
      name: 'POST /api/findings/:id/review',
      expected: review,
      prepare: async () => {
        const made = await finding(author);
        await service(FindingsService).submit(made.id, author);
        return {
          method: 'POST',
          path: `/api/findings/${made.id}/review`,
          body: { decision: 'verify', withSources: true },
        };
      },
    },
    {
      name: 'POST /api/evidence',
      expected: create,
      prepare: () =>
        Promise.resolve({
          method: 'POST',
          path: '/api/evidence',
          body: { url: `https://example.org/${unique()}`, kind: 'news' },
        }),
    },
    {
      name: 'POST /api/evidence/:id/links',
      expected: { anonymous: 401, researcher: 200, reviewer: 403, admin: 200 },
      prepare: async () => ({
        method: 'POST',
        path: `/api/evidence/${(await evidence()).id}/links`,
        body: { commitmentIds: [(await commitment()).id] },
      }),
    },
    {
      name: 'POST /api/evidence/:id/submit',
      expected: submit,
      prepare: async () => ({
        method: 'POST',
        path: `/api/evidence/${(await evidence(researcher)).id}/submit`,
      }),
    },
    {
      name: 'POST /api/evidence/:id/review',
      expected: review,
      prepare: async () => {
        const made = await evidence(author);
        await service(EvidenceService).submit(made.id, author);
        return { method: 'POST', path: `/api/evidence/${made.id}/review`, body: { decision: 'verify' } };
      },
    },
  ];

  describe.each(routes)('$name', (route) => {
    it.each(CALLERS)('answers %s as the matrix says', async (caller) => {
      const request = await route.prepare();
      const headers = caller === 'anonymous' ? {} : users[caller].headers;
      const response = await api(testApp, request.method, request.path, { body: request.body, headers });
      expect({ caller, status: response.status, body: response.body }).toMatchObject({
        caller,
        status: route.expected[caller],
      });
    });
  });

  it('lets a researcher submit only their own drafts', async () => {
    const made = await brand(author);
    const response = await api(testApp, 'POST', `/api/brands/${made.slug}/submit`, {
      headers: users.researcher.headers,
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/only the researcher who created/i);
  });
});
