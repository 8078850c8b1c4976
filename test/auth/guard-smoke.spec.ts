import { Role } from '../../src/auth/role.enum';
import { createUser } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

describe('the auth guard', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('lets a Bearer token through and refuses an anonymous caller', async () => {
    const user = await createUser(testApp, Role.Researcher);
    const me = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: user.headers });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: user.id, role: 'researcher' }, csrfToken: null });

    const anonymous = await fetch(`${testApp.baseUrl}/api/auth/me`);
    expect(anonymous.status).toBe(401);
  });

  it('keeps /health public', async () => {
    const response = await fetch(`${testApp.baseUrl}/health`);
    expect([200, 503]).toContain(response.status);
  });
});
