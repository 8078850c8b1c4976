import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort, stopChild } from '../monitoring/fault-tools';
import { builtEntry } from '../support/built-entry';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/**
 * Issue 15: under `npm start`, when the worker died the launcher stopped the API too and restarted neither.
 * The compiled launcher (`npm test` builds dist/ first) on a database of its own.
 */
describe('npm start when the worker dies', () => {
  let database: TestDatabase;
  let launcher: ChildProcess;
  const output: string[] = [];
  let port: number;

  beforeAll(async () => {
    const entry = builtEntry('src/app/launcher.js');
    database = await createTestDatabase();
    port = await freePort();
    launcher = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        PORT: String(port),
        QUEUE_PREFIX: `pwtest-${randomBytes(4).toString('hex')}`,
        SEED_DEMO_DATA: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [launcher.stdout, launcher.stderr]) {
      stream?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
    }
  }, 60_000);

  afterAll(async () => {
    if (launcher) await stopChild(launcher);
    await database?.drop();
  });

  /** The launcher's child running `entry` (main.js, worker.js), from the process table. */
  const childRunning = (entry: string): number | undefined => {
    const table = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)]).toString();
    const line = table.split('\n').find((row) => row.trim().endsWith(entry));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  };
  const health = () =>
    fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.status)
      .catch(() => undefined);

  it('restarts the worker, logs it, and keeps the same API answering', async () => {
    await waitFor(async () => ((await health()) !== undefined ? true : undefined), {
      timeoutMs: 45_000,
      intervalMs: 250,
      description: 'the API to answer',
    });
    const workerPid = childRunning('worker.js');
    const apiPid = childRunning('main.js');
    expect([workerPid, apiPid]).toEqual([expect.any(Number), expect.any(Number)]);
    process.kill(workerPid ?? 0, 'SIGKILL');

    await waitFor(
      () => {
        const restarted = childRunning('worker.js');
        return restarted !== undefined && restarted !== workerPid ? restarted : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, description: 'the worker to be restarted' },
    );
    expect(
      output.some((line) => /^worker was killed by SIGKILL after \d+ s; restarting it in/.test(line)),
    ).toBe(true);
    expect(await health()).toEqual(expect.any(Number));
    expect(childRunning('main.js')).toBe(apiPid);
    expect(launcher.exitCode).toBeNull();
  }, 90_000);
});
