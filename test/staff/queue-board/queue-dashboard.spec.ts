import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, signIn, type TestUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('the queue dashboard at /admin/queues', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let researcher: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await createUser(testApp, Role.Admin);
    researcher = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${testApp.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('turns anonymous visitors away with 401, page and API alike', async () => {
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: 'Bearer pw_not-a-token' })).status).toBe(401);
  });

  it('turns researchers away with 403', async () => {
    expect((await get('/admin/queues', researcher.headers)).status).toBe(403);
    const session = await signIn(testApp, researcher.email, researcher.password);
    expect((await get('/admin/queues/api/queues', { cookie: session.cookie })).status).toBe(403);
  });

  it('shows admins the board and every queue, by token or by session', async () => {
    const page = await get('/admin/queues', admin.headers);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pledgewatch queues');

    const session = await signIn(testApp, admin.email, admin.password);
    const queues = await get('/admin/queues/api/queues', { cookie: session.cookie });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: Array<{ name: string }> }).queues.map(
      (queue) => queue.name,
    );
    expect(names.sort()).toEqual(['captures', 'catalogue', 'monitoring', 'webhooks']);
  });

  it('refuses a cookie-authenticated queue action from another origin', async () => {
    const session = await signIn(testApp, admin.email, admin.password);
    const response = await fetch(`${testApp.baseUrl}/admin/queues/api/queues/captures/pause`, {
      method: 'PUT',
      headers: { cookie: session.cookie, origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });
});
