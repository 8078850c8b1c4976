/**
 * The watch pipeline end to end: N watches (half static pages, half scripted pages that need Chromium) on a
 * local fixture site, each checked once through Redis and the worker process (fetch, extract, hash,
 * snapshot in Postgres), against bare loops fetching the same pages in the same run.
 *   node -r ts-node/register/transpile-only bench/monitoring.bench.ts [--watches 1000]
 * Needs dist/ (npm run build): the worker runs as `node dist/src/app/worker.js`, so its memory (with Chromium's
 * processes) can be measured on its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { prepareDatabase } from '../src/app/database/prepare-database';
import { redisOptionsFromUrl } from '../src/platform/redis/redis-connection';
import { CHECK_WATCH_JOB_OPTIONS, QueueName } from '../src/platform/queues/queue-catalogue';
import { startWorkerProcess, stopChild } from '../test/monitoring/fault-tools';
import { FixtureServer, html } from '../test/support/fixture-server';
import { bareLoops } from './monitoring-ceiling';
import { peakRssSampler, percentile } from './monitoring-probes';

const CONCURRENCY = 4; // WORKER_CONCURRENCY's default, used for the bare loops too
const watchCount = Number(process.argv[process.argv.indexOf('--watches') + 1]) || 1000;
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';

function staticPage(i: number): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) => `<p>Paragraph ${p} of brand ${i}: we do not source cotton or yarn from the Uyghur Region.</p>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><title>Policy ${i}</title></head><body><nav><a href="/">Home</a></nav><main><h1>Responsible sourcing ${i}</h1>${paragraphs}</main></body></html>`;
}

function scriptedPage(i: number): string {
  return `<!doctype html><html lang="en"><head><title>App ${i}</title></head><body><main id="root"></main><script>
  document.getElementById('root').innerHTML = Array.from({ length: 12 }, (_, p) =>
    '<p>Rendered paragraph ' + p + ' of brand ${i}: we joined the Call to Action on the Uyghur Region.</p>').join('');
</script></body></html>`;
}

async function seedWatches(db: Client, site: FixtureServer): Promise<string[]> {
  const user = await db.query<{ id: string }>(
    `INSERT INTO users (email, role, password_hash) VALUES ($1, 'researcher', 'x') RETURNING id`,
    [`bench-${randomBytes(4).toString('hex')}@example.org`],
  );
  const brand = await db.query<{ id: string }>(
    `INSERT INTO brands (slug, name) VALUES ($1, 'Bench brand') RETURNING id`,
    [`bench-${randomBytes(4).toString('hex')}`],
  );
  const rows = await db.query<{ id: string }>(
    `INSERT INTO watches (brand_id, url, interval_minutes, needs_browser, schedule_offset_ms, created_by, last_checked_at)
     SELECT $1, $2 || '/page/' || i, 1440, i % 2 = 1, 3600000 + i * 997, $3, now()
       FROM generate_series(0, $4 - 1) AS i
     ORDER BY i RETURNING id`,
    [brand.rows[0].id, site.origin, user.rows[0].id, watchCount],
  );
  return rows.rows.map((row) => row.id);
}

/** The worker's heartbeat appears once it has booted and started its processors. */
async function workerReady(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    while ((await redis.hlen(`${prefix}:worker-heartbeats`)) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const site = await FixtureServer.start();
  for (let i = 0; i < watchCount; i++) {
    // Numbered from 1000 in their text: "Policy 404" would rightly read as a not-found page.
    const number = 1000 + i;
    site.route(`/page/${i}`, html(i % 2 === 0 ? staticPage(number) : scriptedPage(number)));
  }
  const databaseName = `pw_bench_monitoring_${randomBytes(3).toString('hex')}`;
  const databaseUrl = ADMIN_URL.replace(/\/postgres$/, `/${databaseName}`);
  await prepareDatabase(databaseUrl, { seedDemoData: false, log: () => undefined });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const prefix = `pwbench-${randomBytes(3).toString('hex')}`;
  const queue = new Queue(QueueName.Monitoring, { connection: redisOptionsFromUrl(REDIS_URL), prefix });
  const worker = startWorkerProcess({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    FETCH_ALLOWLIST: site.hostPort,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    // One local host stands for a thousand brands' sites: politeness would only measure its own delay.
    MONITORING_HOST_CONCURRENCY: '64',
    MONITORING_HOST_MIN_DELAY_MS: '0',
  });
  try {
    const ids = await seedWatches(db, site);
    await workerReady(prefix);
    const sampler = peakRssSampler(worker.pid as number);
    const started = performance.now();
    await queue.addBulk(
      ids.map((watchId) => ({
        name: 'check-watch',
        data: { watchId },
        opts: { ...CHECK_WATCH_JOB_OPTIONS, jobId: `check:${watchId}:bench` },
      })),
    );
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(DISTINCT watch_id)::int AS n FROM watch_checks`,
      );
      process.stdout.write(`\r${rows[0].n}/${watchCount} checks`);
      if (rows[0].n >= watchCount) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const elapsedMs = performance.now() - started;
    const peakRss = sampler.stop();
    const { rows } = await db.query<{ duration_ms: number; outcome: string; error: string | null }>(
      `SELECT duration_ms, outcome, error FROM watch_checks`,
    );
    const failed = rows.filter((row) => row.outcome !== 'changed');
    console.log(
      `\nours: ${watchCount} checks in ${(elapsedMs / 1000).toFixed(1)} s (${failed.length} not "changed")`,
    );
    for (const row of failed.slice(0, 5)) console.log(`  ${row.outcome}: ${row.error}`);
    await stopChild(worker);
    const staticPages = ids.map((_, i) => site.url(`/page/${i}`)).filter((_, i) => i % 2 === 0);
    const scriptedPages = ids.map((_, i) => site.url(`/page/${i}`)).filter((_, i) => i % 2 === 1);
    const ceiling = await bareLoops({ staticPages, scriptedPages }, CONCURRENCY);
    report(watchCount, { elapsedMs, durations: rows.map((row) => row.duration_ms), peakRss }, ceiling);
  } finally {
    await stopChild(worker);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.end();
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
    await site.close();
  }
}

function report(
  count: number,
  ours: { elapsedMs: number; durations: number[]; peakRss: number },
  ceiling: { elapsedMs: number; durationsMs: number[]; peakRssBytes: number },
): void {
  const round = (value: number) => Math.round(value * 10) / 10;
  const row = (figure: string, unit: string, mine: number, best: number) => ({
    figure,
    unit,
    ours: round(mine),
    ceiling: round(best),
    ratio: Math.round((mine / best) * 100) / 100,
  });
  const rows = [
    row(
      'checks per minute',
      'checks/min',
      (count / ours.elapsedMs) * 60_000,
      (count / ceiling.elapsedMs) * 60_000,
    ),
    row('p95 check time', 'ms', percentile(ours.durations, 95), percentile(ceiling.durationsMs, 95)),
    row('peak memory incl. Chromium', 'MiB', ours.peakRss / 2 ** 20, ceiling.peakRssBytes / 2 ** 20),
  ];
  console.table(rows);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const result = { name: 'monitoring', watches: count, rows };
  writeFileSync(join(__dirname, 'results', 'monitoring.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
