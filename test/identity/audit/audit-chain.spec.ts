import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainReport, verifyAuditChain } from '../../../src/identity/audit/audit-chain-verifier';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, TestUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';
import { runCli } from '../../support/run-cli';

describe('the hash-chained audit log', () => {
  let testApp: TestApp;
  let sql: Client;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    sql = new Client({ connectionString: testApp.database.url });
    await sql.connect();
    admin = await createUser(testApp, Role.Admin);
    // Several writes of different kinds, some of them at the same time.
    await Promise.all(
      [Role.Researcher, Role.Reviewer, Role.Researcher, Role.Reviewer].map((role) =>
        createUser(testApp, role),
      ),
    );
    const created = await post('/api/users', {
      email: 'audited@example.org',
      role: 'researcher',
      password: 'a perfectly long password',
    });
    await fetch(`${testApp.baseUrl}/api/users/${created.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'reviewer' }),
    });
  });

  afterAll(async () => {
    await sql.end();
    await testApp.close();
  });

  async function post(path: string, body: object): Promise<{ id: string }> {
    const response = await fetch(`${testApp.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  async function entry(seq: number): Promise<{ id: string; action: string; after: unknown }> {
    const { rows } = await sql.query<{ id: string; action: string; after: unknown }>(
      'SELECT id, action, after FROM audit_log WHERE seq = $1',
      [seq],
    );
    return rows[0];
  }

  function verifyInProcess(): Promise<AuditChainReport> {
    return verifyAuditChain(testApp.app.get(DataSource));
  }

  /** What an attacker with database access can do: switch the append-only trigger off and change history. */
  async function tamper(statement: string, params: unknown[]): Promise<void> {
    await sql.query('ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_append_only');
    try {
      await sql.query(statement, params);
    } finally {
      await sql.query('ALTER TABLE audit_log ENABLE TRIGGER trg_audit_log_append_only');
    }
  }

  it('records who changed what, with the record before and after', async () => {
    const { rows } = await sql.query(
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'user.role.change'`,
    );
    expect(rows).toEqual([
      {
        actor_id: admin.id,
        before: expect.objectContaining({ email: 'audited@example.org', role: 'researcher' }),
        after: expect.objectContaining({ email: 'audited@example.org', role: 'reviewer' }),
      },
    ]);
    const { rows: tokenRows } = await sql.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'api_token.create'`,
    );
    expect(tokenRows[0].n).toBe(5);
  });

  it('numbers entries without gaps even when written concurrently, and audit:verify passes', async () => {
    const { rows } = await sql.query('SELECT count(*)::int AS n, max(seq)::int AS top FROM audit_log');
    expect(rows[0].n).toBeGreaterThanOrEqual(12);
    expect(rows[0].top).toBe(rows[0].n);

    const result = await runCli(['audit:verify'], testApp.database.url);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Audit log OK: ${rows[0].n} entries`);
    expect(result.code).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(sql.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('names the entry whose content was edited by hand', async () => {
    const victim = await entry(3);
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{role}', '"admin"') WHERE seq = 3`, []);

    const result = await runCli(['audit:verify'], testApp.database.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`BROKEN at entry ${victim.id} (sequence 3): content changed`);

    await tamper('UPDATE audit_log SET after = $1 WHERE seq = 3', [JSON.stringify(victim.after)]);
    expect(await verifyInProcess()).toMatchObject({ ok: true });
  });

  it('notices an edited entry even when the attacker re-hashed it, by the broken link after it', async () => {
    const { rows } = await sql.query('SELECT hash FROM audit_log WHERE seq = 4');
    const edited = await entry(4);
    const follower = await entry(5);
    await tamper(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 4`, []);
    expect(await verifyInProcess()).toMatchObject({
      ok: false,
      entryId: edited.id,
      problem: 'content_changed',
    });

    // A forger who also rewrote entry 5's link would have to re-hash entry 5, then 6... up to the head.
    await tamper(`UPDATE audit_log SET prev_hash = repeat('b', 64) WHERE seq = 5`, []);
    await tamper('UPDATE audit_log SET hash = $1 WHERE seq = 4', [rows[0].hash]);
    expect(await verifyInProcess()).toMatchObject({
      ok: false,
      entryId: follower.id,
      problem: 'link_broken',
    });

    await tamper('UPDATE audit_log SET prev_hash = $1 WHERE seq = 5', [rows[0].hash]);
    expect(await verifyInProcess()).toMatchObject({ ok: true });
  });

  it('notices a deleted entry and names the one after the gap', async () => {
    const after = await entry(8);
    await tamper('DELETE FROM audit_log WHERE seq = 7', []);

    const result = await runCli(['audit:verify'], testApp.database.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`BROKEN at entry ${after.id} (sequence 8): row missing`);
  });
});
