import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

describe('API tokens for scripts', () => {
  let testApp: TestApp;
  let sql: Client;
  let owner: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    sql = new Client({ connectionString: testApp.database.url });
    await sql.connect();
    owner = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await sql.end();
    await testApp.close();
  });

  async function create(body: object, headers = owner.headers): Promise<Response> {
    return fetch(`${testApp.baseUrl}/api/tokens`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  function bearer(token: string): Record<string, string> {
    return { authorization: `Bearer ${token}` };
  }

  async function list(headers = owner.headers): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${testApp.baseUrl}/api/tokens`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Array<Record<string, unknown>>; nextCursor: null };
    expect(body.nextCursor).toBeNull();
    return body.items;
  }

  it('shows a new token once, lists it without the secret, and stores only its SHA-256', async () => {
    const response = await create({ name: 'nightly export' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; token: string; displayPrefix: string };
    expect(created.token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.displayPrefix)).toBe(true);

    const items = await list();
    const listed = items.find((item) => item.id === created.id);
    expect(listed).toMatchObject({ name: 'nightly export', displayPrefix: created.displayPrefix });
    expect(JSON.stringify(items)).not.toContain(created.token);
    expect(listed).not.toHaveProperty('token');

    const { rows } = await sql.query('SELECT * FROM api_tokens WHERE id = $1', [created.id]);
    const secretPart = created.token.slice(10);
    expect(JSON.stringify(rows[0])).not.toContain(secretPart);
    expect(rows[0].secret_hash).toEqual(createHash('sha256').update(created.token).digest());

    const { rows: audit } = await sql.query(`SELECT after FROM audit_log WHERE entity_id = $1`, [created.id]);
    expect(JSON.stringify(audit)).not.toContain(secretPart);
  });

  it('authenticates with the new token and records when it was last used', async () => {
    const created = (await (await create({ name: 'used' })).json()) as { id: string; token: string };
    const me = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: bearer(created.token) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: owner.id } });
    await waitFor(async () => (await list()).find((item) => item.id === created.id)?.lastUsedAt, {
      description: 'lastUsedAt to be recorded',
    });
  });

  it('refuses a revoked token with 401 and no longer lists it', async () => {
    const created = (await (await create({ name: 'to revoke' })).json()) as { id: string; token: string };
    const revoke = await fetch(`${testApp.baseUrl}/api/tokens/${created.id}`, {
      method: 'DELETE',
      headers: owner.headers,
    });
    expect(revoke.status).toBe(204);

    const after = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: bearer(created.token) });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ message: 'The API token is invalid, expired or revoked' });
    expect((await list()).map((item) => item.id)).not.toContain(created.id);

    const again = await fetch(`${testApp.baseUrl}/api/tokens/${created.id}`, {
      method: 'DELETE',
      headers: owner.headers,
    });
    expect(again.status).toBe(404);
  });

  it('refuses an expired token with 401, even on a public route', async () => {
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const created = (await (await create({ name: 'short-lived', expiresAt: inAnHour })).json()) as {
      id: string;
      token: string;
      expiresAt: string;
    };
    expect(created.expiresAt).toBe(inAnHour);
    await sql.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.id,
    ]);
    expect((await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: bearer(created.token) })).status).toBe(
      401,
    );
    expect((await fetch(`${testApp.baseUrl}/health`, { headers: bearer(created.token) })).status).toBe(401);
  });

  it("cannot see or revoke someone else's tokens", async () => {
    const other = await createUser(testApp, Role.Admin);
    const mine = (await (await create({ name: 'mine' })).json()) as { id: string };
    expect((await list(other.headers)).map((item) => item.id)).not.toContain(mine.id);
    const revoke = await fetch(`${testApp.baseUrl}/api/tokens/${mine.id}`, {
      method: 'DELETE',
      headers: other.headers,
    });
    expect(revoke.status).toBe(404);
  });

  it('answers garbage tokens and other schemes with 401', async () => {
    for (const authorization of [
      'Bearer pw_nope',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      `Bearer ${owner.token}x`,
    ]) {
      const response = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: { authorization } });
      expect(response.status).toBe(401);
    }
  });

  it('answers bad input with a 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 7 }, 'name'],
      [{ name: 'ok', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'ok', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'ok', scopes: ['all'] }, 'scopes'],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ details: [expect.objectContaining({ field })] });
    }
    const badId = await fetch(`${testApp.baseUrl}/api/tokens/not-a-uuid`, {
      method: 'DELETE',
      headers: owner.headers,
    });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ details: [{ field: 'id' }] });
  });
});
