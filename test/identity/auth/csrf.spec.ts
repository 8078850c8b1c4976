import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, signIn, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';

describe('CSRF protection of writes made with the session cookie', () => {
  let testApp: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    user = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await testApp.close();
  });

  function createToken(headers: Record<string, string>, body = JSON.stringify({ name: 'script' })) {
    return fetch(`${testApp.baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  it('refuses a cookie-authenticated POST without the token, or with a wrong one, with 403', async () => {
    const session = await signIn(testApp, user.email, user.password);
    const without = await createToken({ cookie: session.cookie });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ statusCode: 403, message: expect.stringContaining('CSRF') });

    const wrong = await createToken({ cookie: session.cookie, 'x-csrf-token': 'A'.repeat(43) });
    expect(wrong.status).toBe(403);
  });

  it('accepts the token in the x-csrf-token header', async () => {
    const session = await signIn(testApp, user.email, user.password);
    expect((await createToken(session.headers)).status).toBe(201);
  });

  it('accepts the token in the _csrf field of a form, and keeps it out of the validated body', async () => {
    const session = await signIn(testApp, user.email, user.password);
    const form = new URLSearchParams({ name: 'from a form', _csrf: session.csrfToken });
    const response = await fetch(`${testApp.baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: 'from a form' });
  });

  it("does not accept another session's token", async () => {
    const first = await signIn(testApp, user.email, user.password);
    const second = await signIn(testApp, user.email, user.password);
    expect(first.csrfToken).not.toBe(second.csrfToken);
    expect((await createToken({ cookie: second.cookie, 'x-csrf-token': first.csrfToken })).status).toBe(403);
  });

  it('needs no token for reads, nor for requests made with a Bearer token', async () => {
    const session = await signIn(testApp, user.email, user.password);
    expect(
      (await fetch(`${testApp.baseUrl}/api/tokens`, { headers: { cookie: session.cookie } })).status,
    ).toBe(200);
    expect((await createToken(user.headers)).status).toBe(201);
  });
});
