import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';

describe('user management for admins', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let researcher: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    [admin, researcher, reviewer] = await Promise.all([
      createUser(testApp, Role.Admin),
      createUser(testApp, Role.Researcher),
      createUser(testApp, Role.Reviewer),
    ]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: object,
  ): Promise<Response> {
    return fetch(`${testApp.baseUrl}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  const newUser = { email: 'new.person@example.org', role: 'reviewer', password: 'a long enough password' };

  it.each([
    ['GET', '/api/users', undefined],
    ['POST', '/api/users', newUser],
    ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { role: 'admin' }],
  ])(
    'refuses %s %s to anonymous callers (401), researchers and reviewers (403)',
    async (method, path, body) => {
      expect((await call(method, path, {}, body)).status).toBe(401);
      for (const caller of [researcher, reviewer]) {
        const response = await call(method, path, caller.headers, body);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    },
  );

  it('lets an admin create a user, who can then sign in, and refuses the same email in other case', async () => {
    const created = await call('POST', '/api/users', admin.headers, newUser);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toEqual({
      id: expect.any(String),
      email: 'new.person@example.org',
      role: 'reviewer',
      createdAt: expect.any(String),
      disabledAt: null,
    });
    const login = await call(
      'POST',
      '/api/auth/login',
      {},
      { email: newUser.email, password: newUser.password },
    );
    expect(login.status).toBe(200);

    const duplicate = await call('POST', '/api/users', admin.headers, {
      ...newUser,
      email: 'New.Person@Example.org',
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ message: expect.stringContaining('already exists') });
  });

  it('lists users page by page, ordered by email', async () => {
    const first = await call('GET', '/api/users?limit=2', admin.headers);
    const page = (await first.json()) as { items: Array<{ email: string }>; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const rest = await call('GET', `/api/users?limit=200&cursor=${page.nextCursor}`, admin.headers);
    const restPage = (await rest.json()) as { items: Array<{ email: string }>; nextCursor: null };
    const emails = [...page.items, ...restPage.items].map((user) => user.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).toEqual(expect.arrayContaining([admin.email, researcher.email, reviewer.email]));
    expect(restPage.nextCursor).toBeNull();
  });

  it('changes a role, which takes effect on the next request', async () => {
    const promoted = await createUser(testApp, Role.Researcher);
    expect((await call('GET', '/api/users', promoted.headers)).status).toBe(403);
    const response = await call('PATCH', `/api/users/${promoted.id}`, admin.headers, { role: 'admin' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: promoted.id, role: 'admin' });
    expect((await call('GET', '/api/users', promoted.headers)).status).toBe(200);
  });

  it('disables a user: their tokens stop working and they cannot sign in', async () => {
    const leaving = await createUser(testApp, Role.Researcher);
    const response = await call('PATCH', `/api/users/${leaving.id}`, admin.headers, { disabled: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ disabledAt: expect.any(String) });
    expect((await call('GET', '/api/auth/me', leaving.headers)).status).toBe(401);
    const login = await call(
      'POST',
      '/api/auth/login',
      {},
      { email: leaving.email, password: leaving.password },
    );
    expect(login.status).toBe(401);

    await call('PATCH', `/api/users/${leaving.id}`, admin.headers, { disabled: false });
    expect((await call('GET', '/api/auth/me', leaving.headers)).status).toBe(200);
  });

  it('does not let an admin demote or disable themselves', async () => {
    for (const change of [{ role: 'reviewer' }, { disabled: true }]) {
      const response = await call('PATCH', `/api/users/${admin.id}`, admin.headers, change);
      expect(response.status).toBe(409);
    }
  });

  it('answers an unknown user with 404', async () => {
    const response = await call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', admin.headers, {
      role: 'admin',
    });
    expect(response.status).toBe(404);
  });

  it.each([
    [{ ...newUser, email: 'not an email' }, 'email'],
    [{ ...newUser, email: `${'x'.repeat(250)}@example.org` }, 'email'],
    [{ ...newUser, email: 42 }, 'email'],
    [{ ...newUser, role: 'superuser' }, 'role'],
    [{ ...newUser, password: 'short' }, 'password'],
    [{ ...newUser, password: 'x'.repeat(201) }, 'password'],
    [{ ...newUser, password: 'aaaaaaaaaaaaaaaa' }, 'password'],
    [{ ...newUser, isAdmin: true }, 'isAdmin'],
  ])('refuses to create %j with a 400 naming %s', async (body, field) => {
    const response = await call('POST', '/api/users', admin.headers, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ details: [expect.objectContaining({ field })] });
  });

  it.each([
    [`/api/users/not-a-uuid`, { role: 'admin' }, 'id'],
    [`/api/users/00000000-0000-4000-8000-000000000000`, { role: 'root' }, 'role'],
    [`/api/users/00000000-0000-4000-8000-000000000000`, { disabled: 'yes' }, 'disabled'],
    [`/api/users/00000000-0000-4000-8000-000000000000`, { email: 'x@example.org' }, 'email'],
  ])('refuses PATCH %s %j with a 400 naming %s', async (path, body, field) => {
    const response = await call('PATCH', path, admin.headers, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ details: [expect.objectContaining({ field })] });
  });
});
