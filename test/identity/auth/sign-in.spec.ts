import { Client } from 'pg';
import { Role } from '../../../src/identity/auth/role.enum';
import { SIGN_IN_LIMITS } from '../../../src/identity/auth/sign-in-rate-limiter';
import { createUser, signIn, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';

describe('signing in with email and password', () => {
  let testApp: TestApp;
  let sql: Client;
  let researcher: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    sql = new Client({ connectionString: testApp.database.url });
    await sql.connect();
    researcher = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await sql.end();
    await testApp.close();
  });

  function login(email: string, password: string): Promise<Response> {
    return fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  function me(headers: Record<string, string>): Promise<Response> {
    return fetch(`${testApp.baseUrl}/api/auth/me`, { headers });
  }

  it('returns the user and a CSRF token, and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await login(researcher.email.toUpperCase(), researcher.password);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      user: expect.objectContaining({ id: researcher.id, email: researcher.email, role: 'researcher' }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toContain('password');

    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pw_session=s%3A/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/); // SECURE_COOKIES is off in tests (plain http)

    const signedIn = await me({ cookie: cookie.split(';')[0] });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ user: { id: researcher.id }, csrfToken: body.csrfToken });
  });

  it('answers a wrong password, an unknown email and a disabled account with the same 401', async () => {
    const disabled = await createUser(testApp, Role.Reviewer);
    await sql.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
    const answers = await Promise.all([
      login(researcher.email, 'not the right password'),
      login('nobody-here@example.org', 'not the right password'),
      login(disabled.email, disabled.password),
    ]);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    for (const body of bodies) {
      expect(body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Email or password is incorrect',
      });
    }
    for (const answer of answers) expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('ends the session on the server at logout, so a kept copy of the cookie is worthless', async () => {
    const session = await signIn(testApp, researcher.email, researcher.password);
    const logout = await fetch(`${testApp.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: session.headers,
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^pw_session=;.*Expires=Thu, 01 Jan 1970/);

    expect((await me({ cookie: session.cookie })).status).toBe(401);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'session.end'`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses an expired session and a cookie with a forged signature', async () => {
    const session = await signIn(testApp, researcher.email, researcher.password);
    const forged = session.cookie.replace(/\.[^.]+$/, '.forgedsignature');
    expect((await me({ cookie: forged })).status).toBe(401);

    await sql.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await me({ cookie: session.cookie })).status).toBe(401);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ email: 'not-an-email', password: 'x' }, 'email'],
      [{ email: 42, password: 'x' }, 'email'],
      [{ email: researcher.email, password: 'x'.repeat(201) }, 'password'],
      [{ email: researcher.email }, 'password'],
      [{ email: researcher.email, password: 'x', remember: true }, 'remember'],
    ];
    for (const [body, field] of cases) {
      const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ details: [expect.objectContaining({ field })] });
    }
  });

  it('answers 429 with Retry-After after 5 failures for one email, even for the right password', async () => {
    const target = await createUser(testApp, Role.Reviewer);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(target.email, `wrong password ${attempt}`)).status).toBe(401);
    }
    const blocked = await login(target.email, target.password);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await blocked.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringContaining('Too many failed sign-in attempts'),
    });
    // Other accounts are not affected by one account's lock-out.
    expect((await login(researcher.email, researcher.password)).status).toBe(200);
  });

  // Last in the file: afterwards this address (127.0.0.1) is blocked for every account.
  it(`answers 429 after ${SIGN_IN_LIMITS.perIp} failures from one address across many emails`, async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_LIMITS.perIp + 1; attempt++) {
      statuses.push((await login(`guess-${attempt}@example.org`, 'wrong password')).status);
    }
    // Earlier tests in this file already failed a few times from this address.
    expect(statuses.slice(0, SIGN_IN_LIMITS.perIp - 20).every((status) => status === 401)).toBe(true);
    expect(statuses[SIGN_IN_LIMITS.perIp]).toBe(429);
    expect((await login(researcher.email, researcher.password)).status).toBe(429);
  });
});
