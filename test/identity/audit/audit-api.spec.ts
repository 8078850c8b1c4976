import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /api/audit', () => {
  let testApp: TestApp;
  let researcher: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
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
});
