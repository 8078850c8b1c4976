import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../monitoring/fault-tools';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** The newest installed server binaries (Debian lays them out as /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = majors
    .map((major) => path.join(root, major, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!bin) throw new Error(`No Postgres server binaries under ${root}: apt-get install postgresql`);
  return bin;
}

/** Servers refuse to run as root: we run them as the postgres OS user when we are root. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const binary = path.join(postgresBin(), command);
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', binary, ...args]);
  else await run(binary, args);
}

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

/**
 * A primary (wal_level=replica) and a streaming replica of it (`pg_basebackup -R`), each a `postgres` of its
 * own in a temporary directory on a spare port, trust authentication on 127.0.0.1 only. For tests and benches
 * of DATABASE_READ_URL; `stop()` removes everything.
 */
export class StreamingReplicaPair {
  private readonly root = scratchDir('pw-replica-');
  private readonly primaryDir = path.join(this.root, 'primary');
  private readonly replicaDir = path.join(this.root, 'replica');
  private replicaRunning = false;

  private constructor(
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  static async start(options: { sharedBuffers?: string } = {}): Promise<StreamingReplicaPair> {
    const pair = new StreamingReplicaPair(await freePort(), await freePort());
    try {
      await asPostgres('initdb', [
        '-D',
        pair.primaryDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--no-sync',
        '-E',
        'UTF8',
      ]);
      await pair.startServer(pair.primaryDir, pair.primaryPort, [
        '-c wal_level=replica',
        '-c max_wal_senders=4',
        `-c shared_buffers=${options.sharedBuffers ?? '32MB'}`,
      ]);
      await asPostgres('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(pair.primaryPort),
        '-U',
        'postgres',
        '-D',
        pair.replicaDir,
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ]);
      await pair.startReplica();
      return pair;
    } catch (error: unknown) {
      await pair.stop();
      throw error;
    }
  }

  url(server: 'primary' | 'replica', database = 'postgres'): string {
    const port = server === 'primary' ? this.primaryPort : this.replicaPort;
    return `postgres://postgres@127.0.0.1:${port}/${database}`;
  }

  async startReplica(): Promise<void> {
    await this.startServer(this.replicaDir, this.replicaPort, ['-c hot_standby=on']);
    this.replicaRunning = true;
  }

  async stopReplica(): Promise<void> {
    if (!this.replicaRunning) return;
    this.replicaRunning = false;
    await asPostgres('pg_ctl', ['-D', this.replicaDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Runs SQL on the replica (pg_wal_replay_pause() and _resume() force and end lag). */
  async onReplica(sql: string): Promise<void> {
    await this.query(this.url('replica'), sql);
  }

  /** Waits until the replica has replayed everything the primary has written so far. */
  async waitForReplay(timeoutMs = 30_000): Promise<void> {
    const [{ lsn }] = await this.query<{ lsn: string }>(
      this.url('primary'),
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    await waitFor(
      async () => {
        const [row] = await this.query<{ done: boolean }>(
          this.url('replica'),
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        return row.done;
      },
      { timeoutMs, intervalMs: 50, description: 'the replica to replay the primary' },
    );
  }

  async stop(): Promise<void> {
    for (const dir of [this.replicaDir, this.primaryDir]) {
      if (existsSync(path.join(dir, 'postmaster.pid'))) {
        await asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  private async startServer(dir: string, port: number, settings: string[]): Promise<void> {
    const options = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      "-c unix_socket_directories=''",
      ...settings,
    ];
    await asPostgres('pg_ctl', [
      '-D',
      dir,
      '-o',
      options.join(' '),
      '-l',
      path.join(this.root, `${port}.log`),
      '-w',
      'start',
    ]);
  }

  private async query<T>(url: string, sql: string): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
