/**
 * The bad day: the API under a steady mix of public reads and signed-in writes while a worker (a child
 * process) checks watches on a local site whose pages change now and then, through a worker restart
 * (SIGTERM), a Redis restart that loses every key, a Postgres restart (simulated by cutting every
 * connection at a proxy) and a worker killed with SIGKILL. Counts requests and errors (outage windows apart
 * from steady state), scheduled check slots done, pending and lost, duplicate snapshots and flags, the
 * recovery figures (kill to the interrupted check done, fetches of one watch in the minute after a restart,
 * the longest gap between checks after the Redis loss: bench/support/soak-recovery.ts) and the memory of
 * the API and the worker (Chromium included). Everything runs on its own: a database made from
 * the migrations, a redis-server on a spare port, its own queue prefix.
 *   node -r ts-node/register/transpile-only bench/soak.bench.ts [--minutes 10] [--watches 24] [--rps 20]
 * Writes bench/results/soak.json; the API's and workers' logs go to bench/results/soak-logs/.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { treeRss } from './monitoring-probes';
import { badDay, FaultTimeline } from './support/soak-faults';
import { checkLedger, duplicateLedger } from './support/soak-ledger';
import { LoadGenerator } from './support/soak-load';
import { parseSoakOptions } from './support/soak-options';
import { recoveryFigures } from './support/soak-recovery';
import { writeSoakReport, type MemoryTrace } from './support/soak-report';
import { SoakSite } from './support/soak-site';
import { SoakStack } from './support/soak-stack';
import { soakTargets } from './support/soak-targets';
import { createWatches, firstChecksAndSchedules } from './support/soak-watches';

const ROOT = path.resolve(__dirname, '..');
const LOG_DIR = path.join(__dirname, 'results', 'soak-logs');
const began = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The worker and the API run from dist/. Someone else's half-written file may fail type-checking while
 * tsc still emits everything: go on then, loudly, as long as the entry points are there. */
function build(): void {
  try {
    execFileSync('bash', [path.join(ROOT, 'scripts/build-if-stale.sh')], { stdio: 'inherit' });
  } catch {
    if (!existsSync(path.join(ROOT, 'dist/src/app/worker.js'))) throw new Error('npm run build failed');
    log('WARNING: the build reported type errors (above); running what tsc emitted');
  }
}

async function main(): Promise<void> {
  const options = parseSoakOptions(process.argv.slice(2));
  const durationMs = options.minutes * 60_000;
  build();
  mkdirSync(LOG_DIR, { recursive: true });
  const uptimeBefore = execSync('uptime').toString().trim();
  log(`uptime: ${uptimeBefore}`);
  const site = await SoakSite.start(options.watches);
  const stack = new SoakStack({
    allowlist: site.server.hostPort,
    minuteMs: options.minuteMs,
    logDir: LOG_DIR,
  });
  const db = new Client({ connectionString: stack.databaseUrl });
  let queue: Queue | undefined;
  try {
    await stack.start(log);
    await db.connect();
    log(
      `database ${stack.databaseName}, Redis ${stack.redisUrl}, prefix ${stack.prefix}, API ${stack.baseUrl}`,
    );
    const { rows } = await db.query<{ slug: string }>(
      `SELECT b.slug FROM brands b LEFT JOIN commitments c ON c.brand_id = b.id AND c.status = 'verified'
        WHERE b.status = 'verified' GROUP BY b.slug ORDER BY count(c.id) DESC, b.slug LIMIT 1`,
    );
    const brandSlug = rows[0].slug;
    const watches = await createWatches(stack.baseUrl, stack.token, site, brandSlug);
    log(`${watches.length} watches on ${brandSlug}; waiting for their first checks`);
    const started = await firstChecksAndSchedules(db, stack, watches);
    queue = started.queue;
    const schedules = started.schedules;

    site.startChanging(120_000);
    const timeline = new FaultTimeline();
    const load = new LoadGenerator(
      {
        baseUrl: stack.baseUrl,
        token: stack.token,
        requestsPerSecond: options.requestsPerSecond,
        maxInFlight: 64,
        timeoutMs: 15_000,
      },
      soakTargets({
        brandSlug,
        watchIds: watches.map((w) => w.id),
        evidenceUrl: (n) => site.server.url(`/evidence?n=${n}`),
      }),
      (at) => timeline.bucketOf(at),
    );
    const rss = () => ({
      api: treeRss(stack.api?.pid as number),
      worker: treeRss(stack.worker?.pid as number),
    });
    const first = rss();
    const memory: { api: MemoryTrace; worker: MemoryTrace } = {
      api: { start: first.api, end: 0, peak: first.api },
      worker: { start: first.worker, end: 0, peak: first.worker },
    };
    const sampler = setInterval(() => {
      const now = rss();
      memory.api.peak = Math.max(memory.api.peak, now.api);
      memory.worker.peak = Math.max(memory.worker.peak, now.worker);
    }, 2000);
    const start = Date.now();
    log(`load and faults for ${options.minutes} min`);
    load.start();
    await Promise.all([
      timeline.run(
        badDay(stack, {
          redisDownMs: options.redisDownSeconds * 1000,
          postgresCutMs: options.postgresCutSeconds * 1000,
          watchCount: watches.length,
          queue,
        }),
        start,
        durationMs,
        log,
      ),
      sleep(durationMs),
    ]);
    const end = Date.now();
    log('faults done and the duration is over: stopping the load');
    const unsettled = await load.stop();
    if (unsettled) log(`WARNING: ${unsettled} requests never settled, not even by their timeout`);
    clearInterval(sampler);
    const last = rss();
    memory.api.end = last.api;
    memory.worker.end = last.worker;
    log(`load stopped; grace period of ${options.graceSeconds} s before the books are closed`);
    await sleep(options.graceSeconds * 1000);

    const checks = await checkLedger(db, queue, schedules, { start, end });
    const duplicates = await duplicateLedger(
      db,
      new Map(watches.map((w) => [w.id, w.path])),
      site.servedByPath(),
    );
    const settings = stack.env();
    const recovery = await recoveryFigures({
      db,
      queue,
      windows: timeline.windows,
      schedules,
      siteRequests: site.server.requests,
      loadEndedAt: end,
      lockDurationMs: Number(settings.MONITORING_LOCK_DURATION_MS),
      reconcileIntervalMs: Number(settings.MONITORING_RECONCILE_INTERVAL_SECONDS) * 1000,
    });
    const captures = await db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM evidence_captures WHERE created_at >= $1 GROUP BY state`,
      [new Date(start)],
    );
    writeSoakReport({
      options,
      uptime: { before: uptimeBefore, after: execSync('uptime').toString().trim() },
      durationMs: end - start,
      windows: timeline.windows,
      tallies: load.tallies,
      checks,
      duplicates,
      recovery,
      captures: Object.fromEntries(captures.rows.map((row) => [row.state, row.n])),
      memory,
    });
  } finally {
    await queue?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    stack
      .workerOutputs()
      .forEach((output, i) => writeFileSync(path.join(LOG_DIR, `worker-${i + 1}.log`), output));
    await stack.close(options.keepDatabase);
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
