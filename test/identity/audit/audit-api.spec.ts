import { DataSource } from 'typeorm';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { FixtureServer } from '../../support/fixture-server';
import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /api/audit', () => {
  let testApp: TestApp;
  let researcher: TestUser;
  let admin: TestUser;
  let receiver: FixtureServer;

  beforeAll(async () => {
    receiver = await FixtureServer.start();
    testApp = await startTestApp({ env: { FETCH_ALLOWLIST: receiver.hostPort } });
    admin = await createUser(testApp, Role.Admin);
    researcher = await createUser(testApp, Role.Researcher);
    for (const role of ['reviewer', 'admin', 'researcher']) {
      const response = await fetch(`${testApp.baseUrl}/api/users/${researcher.id}`, {
        method: 'PATCH',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      expect(response.status).toBe(200);
    }
  });

  afterAll(async () => {
    await testApp.close();
    await receiver.close();
  });

  async function get(query: string, headers = researcher.headers): Promise<Response> {
    return fetch(`${testApp.baseUrl}/api/audit${query}`, { headers });
  }

  it('shows the history of one record, newest first, page by page', async () => {
    const first = await get(`?entityType=user&entityId=${researcher.id}&limit=2`);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      items: Array<{ action: string; after: { role: string } }>;
      nextCursor: string;
    };
    expect(page1.items.map((item) => item.after.role)).toEqual(['researcher', 'admin']);
    expect(page1.nextCursor).toEqual(expect.any(String));

    const second = await get(`?entityType=user&entityId=${researcher.id}&limit=2&cursor=${page1.nextCursor}`);
    const page2 = (await second.json()) as { items: Array<{ action: string }>; nextCursor: string | null };
    expect(page2.items.map((item) => item.action)).toEqual(['user.role.change', 'user.create']);
    expect(page2.nextCursor).toBeNull();
  });

  it('needs a signed-in caller', async () => {
    expect((await get('', {})).status).toBe(401);
  });

  it('answers a malformed cursor or limit with a 400 naming the field', async () => {
    const badCursor = await get('?cursor=not*a*cursor');
    expect(badCursor.status).toBe(400);
    expect(await badCursor.json()).toMatchObject({ details: [{ field: 'cursor' }] });

    const forgedCursor = await get(`?cursor=${Buffer.from('{"seq":"x"}').toString('base64url')}`);
    expect(forgedCursor.status).toBe(400);
    expect(await forgedCursor.json()).toMatchObject({ details: [{ field: 'cursor' }] });

    const badLimit = await get('?limit=1000');
    expect(badLimit.status).toBe(400);
    expect(await badLimit.json()).toMatchObject({ details: [{ field: 'limit' }] });
  });

  interface Entry {
    action: string;
    entityType: string;
    entityId: string;
    actorId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }

  async function everyEntry(headers: Record<string, string>): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const response = await get(`?limit=200${cursor ? `&cursor=${cursor}` : ''}`, headers);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Entry[]; nextCursor: string | null };
      entries.push(...page.items);
      cursor = page.nextCursor;
    }
    return entries;
  }

  // Issue 15: every signed-in role read every account's email and role, and webhook URLs, here.
  describe('least privilege', () => {
    const hookPath = '/hooks/T000/B000/very-secret-path';
    let otherResearcher: TestUser;
    let brandId: string;

    beforeAll(async () => {
      otherResearcher = await createUser(testApp, Role.Researcher);
      brandId = (await new CatalogueFactory(testApp).brand()).id;
      const hook = await fetch(`${testApp.baseUrl}/api/webhooks`, {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Apparel desk', url: receiver.url(hookPath) }),
      });
      expect(hook.status).toBe(201);
    });

    it('shows a researcher the history of records they may read and their own account, nothing else', async () => {
      const entries = await everyEntry(otherResearcher.headers);
      expect(entries.some((entry) => entry.entityType === 'brand' && entry.entityId === brandId)).toBe(true);
      const theirs = (entry: Entry) =>
        (entry.entityType === 'user' && entry.entityId === otherResearcher.id) ||
        (['api_token', 'session'].includes(entry.entityType) && entry.actorId === otherResearcher.id);
      const adminOnly = entries.filter(
        (entry) => ['user', 'webhook', 'api_token', 'session'].includes(entry.entityType) && !theirs(entry),
      );
      expect(adminOnly).toEqual([]);
      expect(JSON.stringify(entries)).not.toContain(admin.email);
    });

    it("answers a researcher asking for another account's history with an empty page", async () => {
      const response = await get(`?entityType=user&entityId=${admin.id}`, otherResearcher.headers);
      expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
    });

    it('shows an admin every entry, but never a webhook URL, token material or password data', async () => {
      const entries = await everyEntry(admin.headers);
      const webhook = entries.find((entry) => entry.action === 'webhook.create');
      expect(webhook?.after).toMatchObject({ name: 'Apparel desk' });
      expect(webhook?.after).not.toHaveProperty('url');
      expect(
        entries.some((entry) => entry.entityType === 'user' && entry.entityId === otherResearcher.id),
      ).toBe(true);
      const shown = JSON.stringify(entries);
      for (const secret of [hookPath, 'passwordHash', 'secretHash', 'whsec_'])
        expect(shown).not.toContain(secret);
    });

    it('never stores a webhook URL in the log in the first place', async () => {
      const [row] = await testApp.app
        .get(DataSource)
        .query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM audit_log WHERE before::text LIKE $1 OR after::text LIKE $1`,
          [`%${hookPath}%`],
        );
      expect(row.n).toBe(0);
    });
  });
});
