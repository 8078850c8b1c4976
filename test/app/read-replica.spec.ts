import { Client } from 'pg';
import { createApiApp } from '../../src/app/app-setup';
import { prepareDatabase } from '../../src/app/database/prepare-database';
import { Role } from '../../src/identity/auth/role.enum';
import { ReadRouting } from '../../src/platform/database/read-replica/read-routing';
import { createUser, type TestUser } from '../support/auth';
import { api } from '../support/catalogue-api';
import { CatalogueFactory, unique } from '../support/factories';
import { StreamingReplicaPair } from '../support/streaming-replica';
import { deleteRedisKeys, testConfig, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * DATABASE_READ_URL against a real streaming replica of our own (initdb + pg_basebackup -R): anonymous
 * public reads come from the replica, signed-in reads from the primary, and a lagging replica (replay paused)
 * never serves a page older than the version it is keyed with.
 */
describe('public reads from a streaming replica', () => {
  let pair: StreamingReplicaPair;
  let testApp: TestApp;
  let routing: ReadRouting;
  let researcher: TestUser;
  let reviewer: TestUser;
  let factory: CatalogueFactory;

  beforeAll(async () => {
    pair = await StreamingReplicaPair.start();
    const database = `pw_replica_${unique()
      .replace(/[^a-z0-9]/gi, '_')
      .toLowerCase()}`;
    const primaryUrl = pair.url('primary', database);
    await prepareDatabase(primaryUrl, { seedDemoData: false, log: () => undefined });
    const config = testConfig({ DATABASE_URL: primaryUrl, DATABASE_READ_URL: pair.url('replica', database) });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    testApp = {
      app,
      config,
      database: { name: database, url: primaryUrl, drop: () => Promise.resolve() },
      baseUrl: `http://127.0.0.1:${port}`,
      close: async () => {
        await app.close();
        await deleteRedisKeys(config);
      },
    };
    routing = app.get(ReadRouting);
    researcher = await createUser(testApp, Role.Researcher);
    reviewer = await createUser(testApp, Role.Reviewer);
    factory = new CatalogueFactory(testApp);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await pair?.stop();
  }, 60_000);

  const replicaTrusted = () =>
    waitFor(() => routing.isTrusted(), { timeoutMs: 30_000, description: 'the replica to be trusted' });

  /** Renames a brand on the primary without a public data version change: only the replica's copy differs. */
  async function renameBehindTheVersion(slug: string, name: string): Promise<void> {
    const client = new Client({ connectionString: testApp.config.databaseUrl });
    await client.connect();
    try {
      // Triggers off for this session: the version does not move, so the replica stays trusted.
      await client.query("SET session_replication_role = 'replica'");
      await client.query('UPDATE brands SET name = $1 WHERE slug = $2', [name, slug]);
    } finally {
      await client.end();
    }
  }

  it('answers anonymous reads from the replica and signed-in reads from the primary', async () => {
    const brand = await factory.verifiedBrand({ name: 'Replica Original' });
    await pair.waitForReplay();
    await replicaTrusted();
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      await renameBehindTheVersion(brand.slug, 'Primary Only');

      const anonymous = await api(testApp, 'GET', `/api/brands/${brand.slug}`);
      const signedIn = await api(testApp, 'GET', `/api/brands/${brand.slug}`, {
        headers: researcher.headers,
      });

      expect(anonymous.body.name).toBe('Replica Original');
      expect(signedIn.body.name).toBe('Primary Only');
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('serves a verification at once to public reads while the replica lags behind it', async () => {
    const brand = await factory.verifiedBrand();
    const evidence = await factory.verifiedEvidence();
    const summary = `Published a policy ${unique()}`;
    const created = await api(testApp, 'POST', `/api/brands/${brand.slug}/commitments`, {
      headers: researcher.headers,
      body: {
        type: 'policy_no_region_sourcing',
        statedOn: '2024-03-01',
        statedOnPrecision: 'day',
        summary,
        evidenceIds: [evidence.id],
      },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await api(testApp, 'POST', `/api/commitments/${created.body.id}/submit`, {
          headers: researcher.headers,
        })
      ).status,
    ).toBe(200);
    const before = await api(testApp, 'GET', `/api/brands/${brand.slug}/scorecard`);
    expect(JSON.stringify(before.body)).not.toContain(created.body.id);
    await pair.waitForReplay();
    await replicaTrusted();
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const verified = await api(testApp, 'POST', `/api/commitments/${created.body.id}/review`, {
        headers: reviewer.headers,
        body: { decision: 'verify' },
      });
      expect(verified.status).toBe(200);

      const after = await api(testApp, 'GET', `/api/brands/${brand.slug}/scorecard`);
      const page = await fetch(`${testApp.baseUrl}/brands/${brand.slug}`).then((response) => response.text());

      expect(JSON.stringify(after.body)).toContain(created.body.id);
      expect(page).toContain(summary);
      expect(routing.isTrusted()).toBe(false);
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
    await replicaTrusted();
  });

  it('falls back to the primary when the replica is down', async () => {
    const brand = await factory.verifiedBrand({ name: 'Still Served' });
    await pair.waitForReplay();
    await replicaTrusted();
    await pair.stopReplica();

    const anonymous = await api(testApp, 'GET', `/api/brands/${brand.slug}`);

    expect(anonymous.status).toBe(200);
    expect(anonymous.body.name).toBe('Still Served');
  });
});
