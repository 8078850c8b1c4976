import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Role } from '../../../src/identity/auth/role.enum';
import { heartbeatKey } from '../../../src/platform/health/worker-heartbeat';
import { REDIS_CLIENT } from '../../../src/platform/redis/redis.module';
import { createUser, signIn } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { startTestApp, TestApp } from '../../support/test-app';
import { DatabaseFingerprint, UPDATED_BY_READS } from './database-fingerprint';
import { FuzzRun } from './fuzz-run';
import { Operation, operationsOf } from './openapi-operations';
import { encodeText, hostileString, pathSegment } from './hostile-values';
import { closeRawConnections, rawRequest } from '../../support/raw-http';
import { Credential, requestsFor } from './request-arbitraries';
import type { KnownValues } from './schema-values';

/** Fixed, so a failure replays; change it to explore other inputs. */
const SEED = 20_240_611;
const RUNS_PER_OPERATION = 50;
/** Requests outside the document: unknown paths and methods the routes do not take. */
const STRAY_RUNS = 150;
/** The server-rendered pages, which the document leaves out: hostile slugs, ids and query strings. */
const PAGE_RUNS = 250;
const PAGES = [
  '/',
  '/brands',
  '/brands/{}',
  '/methodology',
  '/login',
  '/research',
  '/research/brands/{}',
  '/research/brands/{}/edit',
  '/research/companies/{}',
  '/research/evidence/{}',
  '/research/commitments/{}',
  '/research/findings/{}',
  '/review',
  '/admin',
  '/admin/users',
  '/admin/watches',
  '/feed.atom',
];
const PAGE_QUERY_KEYS = [
  'q',
  'sector',
  'country',
  'commitment',
  'exposed',
  'status',
  'asOf',
  'cursor',
  'limit',
  'next',
  'page',
];

let testApp: TestApp;
let fingerprint: DatabaseFingerprint;
let run: FuzzRun;
let operations: Operation[];

beforeAll(async () => {
  // A fresh heartbeat stands in for the worker, so /health has no reason to answer 503.
  testApp = await startTestApp({ env: { WORKER_HEARTBEAT_STALE_SECONDS: '3600', TRUST_PROXY: '1' } });
  await testApp.app
    .get<Redis>(REDIS_CLIENT)
    .hset(heartbeatKey(testApp.config.queuePrefix), 'fuzz-test', String(Date.now()));
  const known = await seed(testApp);
  const credentials = await credentialsFor(testApp);
  fingerprint = await DatabaseFingerprint.connect(testApp.database.url);
  run = new FuzzRun(testApp.baseUrl, fingerprint, credentials);
  const document = await (await fetch(`${testApp.baseUrl}/api/docs-json`)).json();
  operations = sessionEndingLast(operationsOf(document));
  await run.start();
  for (const [index, operation] of operations.entries()) {
    const route = `${operation.method} ${operation.path}`;
    for (const request of fc.sample(requestsFor(operation, known), {
      seed: SEED + index,
      numRuns: RUNS_PER_OPERATION,
    })) {
      await run.send(route, request);
    }
  }
  for (const request of fc.sample(strayRequests(known), { seed: SEED, numRuns: STRAY_RUNS })) {
    await run.send('(stray)', request);
  }
  for (const request of fc.sample(pageRequests(known), { seed: SEED, numRuns: PAGE_RUNS })) {
    await run.send('(web pages)', request);
  }
  writeSummary();
}, 300_000);

afterAll(async () => {
  closeRawConnections();
  await fingerprint?.close();
  await testApp?.close();
});

describe('the API under generated hostile requests', () => {
  it('covers every operation of the OpenAPI document, thousands of requests in all', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(run.routes.size).toBe(operations.length + 2);
    expect(run.requests).toBeGreaterThan(3000);
  });

  it('answers no request with a 5xx, every error in the shape of DESIGN.md, and writes nothing when it refuses', () => {
    const found = run
      .found()
      .map(
        (violation) =>
          `${violation.count}x ${violation.rule} on ${violation.route}\n  e.g. ${violation.example}`,
      );
    expect(found).toEqual([]);
  });

  it('lets no request pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('still serves the seeded data and the document afterwards', async () => {
    const response = await rawRequest(testApp.baseUrl, { method: 'GET', target: '/api/docs-json' });
    expect(response.status).toBe(200);
  });
});

/** A few records of every kind, as drafts and verified, so requests reach past "not found". */
async function seed(app: TestApp): Promise<KnownValues> {
  const factory = new CatalogueFactory(app);
  const company = await factory.verifiedCompany();
  const brand = await factory.verifiedBrand({ company: company.slug });
  const draftBrand = await factory.brand();
  const commitment = await factory.verifiedCommitment({ brand: brand.slug });
  const draftCommitment = await factory.commitment({ brand: draftBrand.slug });
  const finding = await factory.verifiedFinding({ company: company.slug });
  const evidence = await factory.verifiedEvidence();
  const draftEvidence = await factory.evidenceItem();
  const bystander = await createUser(app, Role.Researcher);
  return {
    slugs: [company.slug, brand.slug, draftBrand.slug],
    ids: [commitment.id, draftCommitment.id, finding.id, evidence.id, draftEvidence.id, bystander.id],
    columnLimits: await columnLimits(app),
  };
}

/** varchar(n) and char(n) lengths by camelCase property; the shortest when several tables share a name. */
async function columnLimits(app: TestApp): Promise<Map<string, number>> {
  const rows = await app.app.get(DataSource).query<Array<{ name: string; length: number }>>(
    `SELECT column_name AS name, min(character_maximum_length)::int AS length
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND character_maximum_length IS NOT NULL
      GROUP BY column_name`,
  );
  const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return new Map(rows.map(({ name, length }) => [camel(name), length]));
}

async function credentialsFor(app: TestApp): Promise<Record<Credential, Record<string, string>>> {
  const researcher = await createUser(app, Role.Researcher);
  const reviewer = await createUser(app, Role.Reviewer);
  const admin = await createUser(app, Role.Admin);
  const session = await signIn(app, admin.email, admin.password);
  return {
    anonymous: {},
    researcherToken: researcher.headers,
    reviewerToken: reviewer.headers,
    adminToken: admin.headers,
    sessionWithCsrf: session.headers,
    sessionWithoutCsrf: { cookie: session.cookie },
    badToken: { authorization: 'Bearer pw_not-a-real-token' },
    forgedCookie: { cookie: 'pw_session=s%3Aforged.c2lnbmF0dXJl' },
  };
}

/** Sign-out ends the fuzzer's session and sign-in failures trip its rate limit: those go last. */
function sessionEndingLast(all: Operation[]): Operation[] {
  const last = (operation: Operation) => (operation.path.startsWith('/api/auth/log') ? 1 : 0);
  return [...all].sort((a, b) => last(a) - last(b));
}

function strayRequests(known: KnownValues) {
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'),
      path: fc.oneof(
        fc.constantFrom(
          '/api',
          '/api/',
          '/api/brands/',
          '/api//brands',
          '/api/brands/x/y/z',
          '/api/nope',
          '/api/users/..',
        ),
        fc.constantFrom(...known.slugs).map((slug) => `/api/brands/${slug}/unknown`),
        fc.string({ maxLength: 30 }).map((text) => `/api/${encodeURIComponent(text)}`),
      ),
      credential: fc.constantFrom<Credential>('anonymous', 'adminToken', 'sessionWithCsrf'),
    })
    .map(({ method, path: target, credential }) => ({ method, target, credential, headers: {} }));
}

function pageRequests(known: KnownValues) {
  return fc
    .record({
      page: fc.constantFrom(...PAGES),
      segment: pathSegment([...known.slugs, ...known.ids]),
      query: fc.array(
        fc.tuple(
          fc.constantFrom(...PAGE_QUERY_KEYS),
          hostileString.filter((value) => value.length < 2000),
        ),
        { maxLength: 3 },
      ),
      accept: fc.constantFrom('text/html', 'application/json', undefined),
      credential: fc.constantFrom<Credential>(
        'anonymous',
        'researcherToken',
        'sessionWithCsrf',
        'forgedCookie',
      ),
    })
    .map(({ page, segment, query, accept, credential }) => {
      const search = query.map(([key, value]) => `${key}=${encodeText(value)}`).join('&');
      const target = page.replace('{}', segment) + (search ? `?${search}` : '');
      const headers: Record<string, string> = accept ? { accept } : {};
      return { method: 'GET', target, credential, headers };
    });
}

function writeSummary(): void {
  const directory = path.resolve(__dirname, '../../../artifacts');
  mkdirSync(directory, { recursive: true });
  const summary = {
    requests: run.requests,
    routes: run.routes.size,
    statuses: Object.fromEntries([...run.statuses].sort(([a], [b]) => a - b)),
    tablesComparedByCountOnly: UPDATED_BY_READS,
    requestMs: Math.round([...run.elapsed.values()].reduce((sum, ms) => sum + ms, 0)),
    slowestRoutesMs: [...run.elapsed].sort(([, a], [, b]) => b - a).slice(0, 10),
    violations: run.found(),
  };
  writeFileSync(path.join(directory, 'api-fuzz-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
}
