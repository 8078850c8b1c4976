import { Role } from '../../src/identity/auth/role.enum';
import { createUser, type TestUser } from '../support/auth';
import { FixtureServer } from '../support/fixture-server';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the webhooks API', () => {
  let receiver: FixtureServer;
  let testApp: TestApp;
  let admin: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    receiver = await FixtureServer.start();
    testApp = await startTestApp({ env: { FETCH_ALLOWLIST: receiver.hostPort } });
    admin = await createUser(testApp, Role.Admin);
    reviewer = await createUser(testApp, Role.Reviewer);
  });

  afterAll(async () => {
    await testApp?.close();
    await receiver?.close();
  });

  function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
    return fetch(`${testApp.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  it('shows the secret once, lists webhooks without it, and deletes them', async () => {
    const created = await call('POST', '/api/webhooks', admin.headers, {
      name: 'Automotive desk',
      url: receiver.url('/hook'),
    });
    expect(created.status).toBe(201);
    const webhook = (await created.json()) as { id: string; secret: string };
    expect(webhook.secret).toMatch(/^whsec_/);

    const listed = (await (await call('GET', '/api/webhooks', admin.headers)).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(listed.items).toEqual([expect.objectContaining({ id: webhook.id, name: 'Automotive desk' })]);
    expect(listed.items[0]).not.toHaveProperty('secret');

    expect((await call('DELETE', `/api/webhooks/${webhook.id}`, admin.headers)).status).toBe(204);
    expect((await call('DELETE', `/api/webhooks/${webhook.id}`, admin.headers)).status).toBe(404);
  });

  it.each([
    ['a private address', 'http://10.0.0.8/hook'],
    ['loopback on a port not allowed', 'http://127.0.0.1:6379/hook'],
    ['a metadata endpoint', 'http://169.254.169.254/latest/meta-data'],
  ])('refuses %s with a 400 naming url', async (_what, url) => {
    const response = await call('POST', '/api/webhooks', admin.headers, { name: 'Sneaky', url });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('url');
  });

  it('is for admins only', async () => {
    expect((await call('GET', '/api/webhooks', {})).status).toBe(401);
    expect((await call('GET', '/api/webhooks', reviewer.headers)).status).toBe(403);
    const body = { name: 'x', url: receiver.url('/hook') };
    expect((await call('POST', '/api/webhooks', reviewer.headers, body)).status).toBe(403);
  });
});
