import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Role } from '../../src/identity/auth/role.enum';
import { quoteIdentifier } from '../../src/platform/database/ensure-database';
import { prepareDatabase } from '../../src/app/database/prepare-database';
import { heartbeatKey } from '../../src/platform/health/worker-heartbeat';
import {
  CuttableProxy,
  freePort,
  startPrivateRedis,
  startWorkerProcess,
  stopChild,
} from '../../test/monitoring/fault-tools';
import { waitFor } from '../../test/support/wait-for';
import { descendantPids } from '../monitoring-probes';
import { createStaffToken } from './staff-token';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface StackSettings {
  /** host:port of the fixture site the fetchers may reach. */
  allowlist: string;
  minuteMs: number;
  logDir: string;
}

type Worker = ReturnType<typeof startWorkerProcess>;

/**
 * Everything the soak runs against, of its own: a database made from the migrations (with the demo data),
 * a Redis server on a spare port, a cuttable TCP proxy in front of Postgres, the API (`dist/src/app/main.js`)
 * and the worker (`dist/src/app/worker.js`) as child processes, and a researcher's API token.
 */
export class SoakStack {
  readonly prefix = `pwsoak-${randomBytes(3).toString('hex')}`;
  readonly databaseName = `pw_bench_soak_${randomBytes(3).toString('hex')}`;
  readonly databaseUrl = ADMIN_URL.replace(/\/postgres$/, `/${this.databaseName}`);
  private readonly sessionSecret = randomBytes(32).toString('hex');
  token = '';
  baseUrl = '';
  api?: ChildProcess;
  worker?: Worker;
  private readonly workers: Worker[] = [];
  private redis?: Awaited<ReturnType<typeof startPrivateRedis>>;
  private redisPort = 0;
  private proxy?: CuttableProxy;

  constructor(private readonly settings: StackSettings) {}

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  async start(log: (line: string) => void): Promise<void> {
    await prepareDatabase(this.databaseUrl, { seedDemoData: true, log });
    this.token = (await createStaffToken(this.databaseUrl, Role.Researcher, 'soak')).token;
    this.redis = await startPrivateRedis();
    this.redisPort = this.redis.port;
    this.proxy = await CuttableProxy.start({ host: '127.0.0.1', port: 5432 });
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    await this.startWorker();
    this.api = this.spawnLogged('api', path.resolve(__dirname, '../../dist/src/app/main.js'), {
      ...this.env(),
      PORT: String(port),
    });
    await waitFor(() => fetch(`${this.baseUrl}/health`).then((response) => response.status === 200), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'the API to answer /health with 200',
    });
  }

  /** Every setting the API and the worker share; the database is reached through the proxy. */
  env(): Record<string, string> {
    const viaProxy = new URL(this.databaseUrl);
    viaProxy.port = String(this.proxy?.port);
    return {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: this.sessionSecret,
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: viaProxy.href,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.prefix,
      FETCH_ALLOWLIST: this.settings.allowlist,
      // One local site stands for many brands' sites: a politeness delay would only measure itself.
      MONITORING_HOST_MIN_DELAY_MS: '0',
      MONITORING_HOST_CONCURRENCY: '8',
      MONITORING_MINUTE_MS: String(this.settings.minuteMs),
      MONITORING_RECONCILE_INTERVAL_SECONDS: '5',
      ARCHIVE_RECONCILE_INTERVAL_SECONDS: '10',
      MONITORING_LOCK_DURATION_MS: '15000',
      MONITORING_STALLED_INTERVAL_MS: '10000',
    };
  }

  /** Starts a worker and waits for its first heartbeat (it has booted and taken its queues). */
  async startWorker(): Promise<void> {
    const entry = path.resolve(__dirname, '../../dist/src/app/worker.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: npm run build`);
    const worker = startWorkerProcess(this.env());
    this.workers.push(worker);
    this.worker = worker;
    await this.waitForHeartbeat(worker.pid as number);
  }

  async stopWorker(signal: NodeJS.Signals): Promise<void> {
    if (!this.worker) return;
    const children = descendantPids(this.worker.pid as number);
    await stopChild(this.worker, signal);
    // A killed worker leaves its Chromium behind (re-parented, still running); the soak ends it, so the
    // next worker's memory and the machine's load are not inflated by an orphan.
    if (signal === 'SIGKILL') for (const pid of children) killQuietly(pid);
  }

  async stopRedis(): Promise<void> {
    await this.redis?.stop();
  }

  /** A new, empty Redis on the same port: what a restart of a Redis that keeps nothing looks like. */
  async startRedis(): Promise<void> {
    this.redis = await startPrivateRedis({ port: this.redisPort });
  }

  cutPostgres(): void {
    this.proxy?.sever();
  }

  restorePostgres(): void {
    this.proxy?.restore();
  }

  /** What the workers printed, one file per worker process, for a look after the run. */
  workerOutputs(): string[] {
    return this.workers.map((worker) => worker.output.join(''));
  }

  async close(keepDatabase: boolean): Promise<void> {
    for (const worker of this.workers) await stopChild(worker, 'SIGTERM');
    if (this.api) await stopChild(this.api, 'SIGTERM');
    await this.redis?.stop();
    await this.proxy?.close();
    if (keepDatabase) return;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(this.databaseName)} WITH (FORCE)`);
    await admin.end();
  }

  private async waitForHeartbeat(pid: number): Promise<void> {
    const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    try {
      await waitFor(
        async () => Boolean(await redis.hexists(heartbeatKey(this.prefix), `${hostname()}:${pid}`)),
        { timeoutMs: 120_000, intervalMs: 200, description: `worker ${pid} to report a heartbeat` },
      );
    } finally {
      redis.disconnect();
    }
  }

  private spawnLogged(name: string, entry: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(this.settings.logDir, `${name}.log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return child;
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
