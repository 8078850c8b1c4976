import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/app/database/prepare-database';
import { Role } from '../../src/identity/auth/role.enum';
import { StreamingReplicaPair } from '../../test/support/streaming-replica';
import { cleanUpOnInterrupt } from './on-interrupt';
import { generateCatalogue } from '../catalogue-data';
import { measureChurn, type ChurnOutcome } from './churn-run';
import { ChurnStack } from './churn-stack';
import { checkLedger, type CheckLedger } from './soak-ledger';
import { SoakSite } from './soak-site';
import { createWatches, firstChecksAndSchedules } from './soak-watches';
import { createStaffToken } from './staff-token';

const WORKER_ENTRY = path.resolve(__dirname, '../../dist/src/app/worker.js');
const WATCHES = 12;
/** One minute of a watch's interval lasts 6 s: a 5-minute watch is checked every 30 s. */
const MINUTE_MS = 6000;
const GRACE_SECONDS = 45;

export interface ScaleOutOutcome extends ChurnOutcome {
  checks: CheckLedger;
  lostChecks: number;
  /** Transactions committed on each server during the reads: the replica's show public reads went there. */
  transactions: { primary: number; replica: number };
}

/** Transactions committed on one server's database so far (a standby counts its read-only ones too). */
async function committed(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Past one machine, on this one (issue 19): a primary and a streaming replica of our own (initdb,
 * pg_basebackup -R), 100k brands generated on the primary, two API processes reading public pages from the
 * replica (DATABASE_READ_URL) and two worker processes checking watches on a local site, the churn mix
 * spread over both APIs. Counts stale reads as the single-process run does, and lost checks as the soak does.
 */
export async function scaleOutRun(options: {
  connections: number;
  seconds: number;
  logDir: string;
  log: (line: string) => void;
}): Promise<ScaleOutOutcome> {
  const { log } = options;
  const pair = await StreamingReplicaPair.start({ sharedBuffers: '512MB' });
  const site = await SoakSite.start(WATCHES);
  const primaryUrl = pair.url('primary', 'pledgewatch');
  let stack: ChurnStack | undefined;
  const forgetPair = cleanUpOnInterrupt(async () => {
    await stack?.close();
    await pair.stop();
  });
  let queue: Queue | undefined;
  const db = new Client({ connectionString: primaryUrl });
  try {
    log(`primary on ${pair.primaryPort}, streaming replica on ${pair.replicaPort}`);
    await prepareDatabase(primaryUrl, { seedDemoData: false, log });
    await db.connect();
    await generateCatalogue(db, log);
    await pair.waitForReplay(600_000);
    stack = new ChurnStack({
      databaseUrl: primaryUrl,
      readUrl: pair.url('replica', 'pledgewatch'),
      logDir: options.logDir,
      logPrefix: 'scale-out',
    });
    const monitoring = {
      FETCH_ALLOWLIST: site.server.hostPort,
      MONITORING_HOST_MIN_DELAY_MS: '0',
      MONITORING_HOST_CONCURRENCY: '8',
      MONITORING_MINUTE_MS: String(MINUTE_MS),
      MONITORING_RECONCILE_INTERVAL_SECONDS: '5',
    };
    await stack.start(2, monitoring);
    for (const name of ['worker-1', 'worker-2'])
      stack.spawnLogged(name, WORKER_ENTRY, { ...stack.env(), ...monitoring });
    const researcher = await createStaffToken(primaryUrl, Role.Researcher, 'scale-out-watcher');
    const { rows } = await db.query<{ slug: string }>(
      `SELECT slug FROM brands WHERE status = 'verified' ORDER BY slug LIMIT 1`,
    );
    const watchIds = await createWatches(stack.baseUrls[0], researcher.token, site, rows[0].slug);
    log(`${watchIds.length} watches; waiting for their first checks`);
    const first = await firstChecksAndSchedules(db, stack, watchIds);
    queue = first.queue;
    const schedules = first.schedules;
    site.startChanging(60_000);
    const replicaUrl = pair.url('replica', 'pledgewatch');
    const before = { primary: await committed(primaryUrl), replica: await committed(replicaUrl) };
    const start = Date.now();
    const outcome = await measureChurn({
      label: '2 API + 2 workers, replica',
      primaryUrl,
      baseUrls: stack.baseUrls,
      connections: options.connections,
      seconds: options.seconds,
    });
    const end = Date.now();
    const transactions = {
      primary: (await committed(primaryUrl)) - before.primary,
      replica: (await committed(replicaUrl)) - before.replica,
    };
    log(
      `transactions while reading: ${transactions.primary} on the primary, ${transactions.replica} on the replica`,
    );
    log(`reads stopped; ${GRACE_SECONDS} s grace before the checks are counted`);
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000));
    const checks = await checkLedger(db, queue, schedules, { start, end });
    const lostChecks = checks.lost.length + checks.requested.lost;
    log(
      `checks: ${checks.scheduled} slots, ${checks.doneByOwnJob} done by their job, ${checks.coveredByLaterCheck} ` +
        `covered, ${checks.pending} pending, LOST ${lostChecks}`,
    );
    return { ...outcome, checks, lostChecks, transactions };
  } finally {
    await queue?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await stack?.close();
    await site.close();
    await pair.stop();
    forgetPair();
  }
}
