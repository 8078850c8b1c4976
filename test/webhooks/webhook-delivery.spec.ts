import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Role } from '../../src/identity/auth/role.enum';
import { createUser, type TestUser } from '../support/auth';
import { FixtureServer, html } from '../support/fixture-server';
import { waitFor } from '../support/wait-for';
import {
  api,
  checkOnce,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';
import { policyPage, REGION_SOURCING_HEDGED } from '../support/statement-pages';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

describe('webhooks for new major flags', () => {
  let receiver: FixtureServer;
  let harness: Harness;
  let admin: TestUser;
  let secret: string;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = await FixtureServer.start();
    // The chat tool is down for the first delivery, then back.
    receiver.route('/hooks/chat', async (req, res) => {
      const answered = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body: await readBody(req), answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'oops');
    });
    const site = await FixtureServer.start();
    harness = await startHarness({
      site,
      env: { FETCH_ALLOWLIST: `${site.hostPort},${receiver.hostPort}` },
    });
    admin = await createUser(harness.testApp, Role.Admin);
    const created = await api<{ id: string; secret: string }>(harness, 'POST', '/api/webhooks', {
      as: admin,
      body: { name: 'Apparel desk', team: 'apparel research', url: receiver.url('/hooks/chat') },
    });
    expect(created.status).toBe(201);
    secret = created.body.secret;
  });

  afterAll(async () => {
    await harness?.close();
    await receiver?.close();
  });

  async function watchThenChange(path: string, after: string) {
    harness.site.route(path, html(policyPage()));
    const watch = await createWatch(harness, path);
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    harness.site.route(path, html(after));
    expect(await checkOnce(harness, watch.id, 40_000)).toBe('changed');
    const [flag] = await sql<{ id: string; significance: string }>(
      harness,
      'SELECT id, significance FROM flags WHERE watch_id = $1',
      [watch.id],
    );
    return flag;
  }

  it('POSTs a major flag once, signed with HMAC-SHA256, retried once after a 500', async () => {
    const flag = await watchThenChange('/statement', policyPage({ statement: REGION_SOURCING_HEDGED }));
    expect(flag.significance).toBe('major');

    const [delivery] = await waitFor(
      async () => {
        const rows = await sql<{ state: string; attempts: number; last_status: number }>(
          harness,
          'SELECT state, attempts, last_status FROM webhook_deliveries WHERE flag_id = $1',
          [flag.id],
        );
        return rows[0]?.state === 'delivered' ? rows : undefined;
      },
      { timeoutMs: 30_000, description: 'the webhook delivery' },
    );

    expect(delivery).toMatchObject({ state: 'delivered', attempts: 2, last_status: 200 });
    expect(received.map((request) => request.answered)).toEqual([500, 200]);
    const accepted = received[1];
    const signature = String(accepted.headers['x-pledgewatch-signature']);
    // Checked as a receiver would, with nothing but the secret and the raw body.
    const expected = createHmac('sha256', secret).update(accepted.body).digest('hex');
    expect(signature).toBe(`sha256=${expected}`);
    expect(accepted.headers['content-type']).toBe('application/json');
    const body = JSON.parse(accepted.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'flag.raised',
      flagId: flag.id,
      significance: 'major',
      brand: { slug: harness.brandSlug },
      url: harness.site.url('/statement'),
    });
    expect(body.text).toEqual(expect.stringContaining('Major change'));
    expect((body.terms as string[]).length).toBeGreaterThan(0);
    expect(Number(accepted.headers['x-pledgewatch-timestamp'])).toBe(
      Math.floor(Date.parse(String(body.timestamp)) / 1000),
    );
  });

  it('sends nothing for a minor flag', async () => {
    const before = receiver.hits('/hooks/chat');
    const changed = policyPage().replace(
      // Not the isotope-testing sentence: dropping a traceability claim is major since issue 16.
      'Northwind Outfitters sells clothing made by 214 suppliers in 11 countries.',
      'Our design team now works from a new studio in Porto, opened with a summer party for neighbours.',
    );

    const flag = await watchThenChange('/minor', changed);

    expect(flag.significance).toBe('minor');
    const deliveries = await sql(harness, 'SELECT id FROM webhook_deliveries WHERE flag_id = $1', [flag.id]);
    expect(deliveries).toHaveLength(0);
    expect(receiver.hits('/hooks/chat')).toBe(before);
  });
});
