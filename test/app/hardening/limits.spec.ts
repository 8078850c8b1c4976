import { randomBytes } from 'node:crypto';
import { SIGN_IN_LIMITS } from '../../../src/identity/auth/sign-in-rate-limiter';
import { MAX_PAGE_SIZE } from '../../../src/platform/pagination/page';
import { loadAppConfig } from '../../../src/platform/config/app-config';
import { EXPORT_LIMITS } from '../../../src/public/exports/export-rate-limiter';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { startTestApp, TestApp } from '../../support/test-app';
import { errorShapeProblem } from './error-shape';
import { operationsOf } from './openapi-operations';
import { closeRawConnections, rawRequest, RawResponse } from '../../support/raw-http';

/** Clients connect directly: X-Forwarded-For is anybody's to write and must be ignored. */
let direct: TestApp;
/** Behind one load balancer (TRUST_PROXY=1): the balancer's X-Forwarded-For names the client. */
let proxied: TestApp;
let researcher: TestUser;
let brandSlug: string;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([startTestApp(), startTestApp({ env: { TRUST_PROXY: '1' } })]);
  researcher = await createUser(direct, Role.Researcher);
  brandSlug = (await new CatalogueFactory(direct).verifiedBrand()).slug;
}, 120_000);

afterAll(async () => {
  closeRawConnections();
  await Promise.all([direct?.close(), proxied?.close()]);
});

type Send = { method?: string; target: string; headers?: Record<string, string>; body?: string | Buffer };

async function send(app: TestApp, request: Send): Promise<RawResponse> {
  const headers = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  return rawRequest(app.baseUrl, { method: request.method ?? 'GET', ...request, headers });
}

function expectRefusal(response: RawResponse, status: number, request: Send): void {
  expect(response.status).toBe(status);
  expect(
    errorShapeProblem({ method: request.method ?? 'GET', target: request.target, headers: {} }, response),
  ).toBeUndefined();
}

describe('request bodies', () => {
  const overOneMegabyte = 'x'.repeat(1024 * 1024 + 1);
  const write = (contentType: string, body: string): Send => ({
    method: 'POST',
    target: '/api/brands',
    headers: { ...researcher.headers, 'content-type': contentType },
    body,
  });

  it('refuses a JSON body over 1 MB with a 413', async () => {
    const request = write('application/json', JSON.stringify({ name: overOneMegabyte }));
    expectRefusal(await send(direct, request), 413, request);
  });

  it('refuses a form body over 1 MB with a 413', async () => {
    const request = write('application/x-www-form-urlencoded', `name=${overOneMegabyte}`);
    expectRefusal(await send(direct, request), 413, request);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream'])(
    'refuses a %s body, which nothing parses, with a 415 before reading it',
    async (contentType) => {
      const request = write(contentType, overOneMegabyte);
      expectRefusal(await send(direct, request), 415, request);
    },
  );

  it('refuses a body nested deeper than 32 levels with a 400', async () => {
    const request = write('application/json', `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`);
    expectRefusal(await send(direct, request), 400, request);
  });

  it('still takes an ordinary JSON body, and reads one just under 1 MB rather than refusing its size', async () => {
    const ordinary = write(
      'application/json',
      JSON.stringify({ name: `Brand ${randomBytes(4).toString('hex')}` }),
    );
    expect((await send(direct, ordinary)).status).toBe(201);
    const large = write('application/json', JSON.stringify({ name: 'x'.repeat(1000 * 1000) }));
    expectRefusal(await send(direct, large), 400, large);
  });
});

describe('URLs', () => {
  it('refuses a request target over 8 KB with a 414', async () => {
    const request = { target: `/api/brands?q=${'x'.repeat(8 * 1024)}` };
    expectRefusal(await send(direct, request), 414, request);
  });

  it.each(['/api/export/brands.csv?q=%00', '/api/brands/x%00y', '/brands?q=a%00'])(
    'refuses %s with a 400: the NUL character never reaches a query (nor cuts a streamed export short)',
    async (target) => {
      expectRefusal(await send(direct, { target, headers: { accept: 'application/json' } }), 400, { target });
    },
  );

  it('still answers a long but reasonable query string', async () => {
    expect((await send(direct, { target: `/api/brands?q=${'x'.repeat(150)}` })).status).toBe(200);
  });
});

describe('page sizes', () => {
  it(`caps limit at ${MAX_PAGE_SIZE} on every paginated list of the API`, async () => {
    const document = await (await fetch(`${direct.baseUrl}/api/docs-json`)).json();
    const lists = operationsOf(document).filter(
      (operation) =>
        operation.method === 'GET' && operation.query.some((parameter) => parameter.name === 'limit'),
    );
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists) {
      const limit = list.query.find((parameter) => parameter.name === 'limit');
      expect({ route: list.path, maximum: limit?.schema.maximum }).toEqual({
        route: list.path,
        maximum: MAX_PAGE_SIZE,
      });
      const path = list.path
        .replace('{slug}', brandSlug)
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const admin = await adminHeaders();
      const over = await send(direct, { target: `${path}?limit=${MAX_PAGE_SIZE + 1}`, headers: admin });
      expect({ route: list.path, status: over.status }).toEqual({ route: list.path, status: 400 });
      const atMost = await send(direct, { target: `${path}?limit=${MAX_PAGE_SIZE}`, headers: admin });
      expect({ route: list.path, refused: atMost.status === 400 }).toEqual({
        route: list.path,
        refused: false,
      });
    }
  });
});

let admin: TestUser | undefined;
async function adminHeaders(): Promise<Record<string, string>> {
  admin ??= await createUser(direct, Role.Admin);
  return admin.headers;
}

function failedSignIn(app: TestApp, forwardedFor: string): Promise<RawResponse> {
  return send(app, {
    method: 'POST',
    target: '/api/auth/login',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({
      email: `nobody-${randomBytes(4).toString('hex')}@example.org`,
      password: 'wrong',
    }),
  });
}

describe('rate limits per client address', () => {
  it('limits failed sign-ins per address, and forged X-Forwarded-For headers do not escape it', async () => {
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp; attempt++) {
      expect((await failedSignIn(direct, `198.51.100.${attempt}`)).status).toBe(401);
    }
    const blocked = await failedSignIn(direct, '203.0.113.99');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('behind a trusted proxy, counts each client separately rather than the proxy', async () => {
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp; attempt++) {
      expect((await failedSignIn(proxied, '198.51.100.7')).status).toBe(401);
    }
    expect((await failedSignIn(proxied, '198.51.100.7')).status).toBe(429);
    expect((await failedSignIn(proxied, '198.51.100.8')).status).toBe(401);
  });

  it(`limits exports to ${EXPORT_LIMITS.perIp} per address per window, with Retry-After`, async () => {
    const exportAs = (forwardedFor: string) =>
      send(proxied, { target: '/api/export/brands.csv', headers: { 'x-forwarded-for': forwardedFor } });
    for (let count = 0; count < EXPORT_LIMITS.perIp; count++) {
      expect((await exportAs('192.0.2.1')).status).toBe(200);
    }
    const refused = await exportAs('192.0.2.1');
    expectRefusal(refused, 429, { target: '/api/export/brands.csv' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await exportAs('192.0.2.2')).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('takes false or a number of hops, and names itself when given anything else', () => {
    expect(loadAppConfig({}).trustProxy).toBe(false);
    expect(loadAppConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadAppConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    for (const bad of ['true', '0', '-1', '11', 'loopback']) {
      expect(() => loadAppConfig({ TRUST_PROXY: bad })).toThrow(/^Invalid environment variable TRUST_PROXY=/);
    }
  });
});
