import { Client } from 'pg';
import { runCli } from '../../support/run-cli';
import { startTestApp, TestApp } from '../../support/test-app';

describe('npm run cli -- create-user', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const createUser = (args: string[], stdin: string) =>
    runCli(['create-user', ...args], testApp.database.url, stdin);

  it('creates a user from the password on stdin, who can then sign in', async () => {
    const result = await createUser(
      ['--email', 'First.Admin@Example.org', '--role', 'admin', '--password-stdin'],
      'correct horse battery staple\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Created admin first.admin@example.org \(id [0-9a-f-]{36}\)\n$/);
    expect(result.code).toBe(0);

    const login = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first.admin@example.org', password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);

    const sql = new Client({ connectionString: testApp.database.url });
    await sql.connect();
    const { rows } = await sql.query(`SELECT actor_id, after FROM audit_log WHERE action = 'user.create'`);
    await sql.end();
    expect(rows).toEqual([
      { actor_id: null, after: expect.objectContaining({ email: 'first.admin@example.org' }) },
    ]);
  });

  it('refuses a duplicate email (in any case) with a clear message and a non-zero exit', async () => {
    const result = await createUser(
      ['--email', 'FIRST.ADMIN@example.org', '--role', 'reviewer', '--password-stdin'],
      'another long password',
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('A user with the email first.admin@example.org already exists\n');
  });

  it.each([
    [
      'an empty password',
      ['--email', 'a@example.org', '--role', 'admin', '--password-stdin'],
      '\n',
      /must not be empty/,
    ],
    [
      'a short password',
      ['--email', 'a@example.org', '--role', 'admin', '--password-stdin'],
      'hunter2',
      /at least 12/,
    ],
    [
      'a bad role',
      ['--email', 'a@example.org', '--role', 'boss', '--password-stdin'],
      'long enough pass',
      /--role/,
    ],
    [
      'a bad email',
      ['--email', 'nope', '--role', 'admin', '--password-stdin'],
      'long enough pass',
      /--email/,
    ],
    [
      'no --password-stdin',
      ['--email', 'a@example.org', '--role', 'admin'],
      'long enough pass',
      /--password-stdin/,
    ],
  ])('refuses %s', async (_what, args, stdin, message) => {
    const result = await createUser(args, stdin);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
