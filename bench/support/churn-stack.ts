import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, startPrivateRedis, stopChild } from '../../test/monitoring/fault-tools';
import { waitFor } from '../../test/support/wait-for';

const API_ENTRY = path.resolve(__dirname, '../../dist/src/app/main.js');

/**
 * The churn bench's own API processes (`node dist/src/app/main.js`, stateless, any number) over one database
 * (optionally reading public pages from a replica) and a Redis server of its own on a spare port.
 */
export class ChurnStack {
  readonly prefix = `pwchurn-${randomBytes(3).toString('hex')}`;
  readonly baseUrls: string[] = [];
  private readonly children: ChildProcess[] = [];
  private redis?: Awaited<ReturnType<typeof startPrivateRedis>>;
  private readonly sessionSecret = randomBytes(32).toString('hex');

  constructor(
    private readonly settings: {
      databaseUrl: string;
      /** DATABASE_READ_URL: a streaming replica for public reads. */
      readUrl?: string;
      logDir: string;
      /** Prefix of the log files, so one run's logs do not overwrite another's. */
      logPrefix: string;
    },
  ) {}

  get redisUrl(): string {
    if (!this.redis) throw new Error('Redis is not started');
    return this.redis.url;
  }

  /** What every API and worker process of the stack shares. */
  env(): Record<string, string> {
    return {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: this.sessionSecret,
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: this.settings.databaseUrl,
      ...(this.settings.readUrl ? { DATABASE_READ_URL: this.settings.readUrl } : {}),
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.prefix,
    };
  }

  async start(apis: number, extraEnv: Record<string, string> = {}): Promise<void> {
    if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: npm run build`);
    this.redis = await startPrivateRedis();
    for (let index = 0; index < apis; index++) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      this.spawnLogged(`api-${index + 1}`, API_ENTRY, { ...this.env(), ...extraEnv, PORT: String(port) });
      this.baseUrls.push(baseUrl);
    }
    for (const baseUrl of this.baseUrls) {
      await waitFor(
        // The app answers no-cache until it listens for public data changes; wait for a cacheable answer.
        () =>
          fetch(`${baseUrl}/methodology`).then(
            (response) => response.ok && Boolean(response.headers.get('etag')),
          ),
        { timeoutMs: 180_000, intervalMs: 500, description: `${baseUrl} to serve cacheable pages` },
      );
    }
  }

  /** A child process of the stack whose output goes to `<logDir>/<name>.log`. */
  spawnLogged(name: string, entry: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(this.settings.logDir, `${this.settings.logPrefix}-${name}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.children.push(child);
    return child;
  }

  async close(): Promise<void> {
    for (const child of this.children.reverse()) await stopChild(child, 'SIGTERM');
    await this.redis?.stop();
  }
}
