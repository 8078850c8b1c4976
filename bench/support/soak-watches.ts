import { Queue } from 'bullmq';
import type { Client } from 'pg';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { redisOptionsFromUrl } from '../../src/platform/redis/redis-connection';
import { waitFor } from '../../test/support/wait-for';
import type { WatchSchedule } from './soak-ledger';
import type { SoakSite } from './soak-site';

/** One watch per page of the site, on `brand`, every 5 minutes (of the stack's MONITORING_MINUTE_MS). */
export async function createWatches(baseUrl: string, token: string, site: SoakSite, brand: string) {
  const watches: Array<{ id: string; path: string }> = [];
  for (const page of site.watchedPages) {
    const response = await fetch(`${baseUrl}/api/watches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        brand,
        url: site.server.url(page.path),
        intervalMinutes: 5,
        needsBrowser: page.needsBrowser,
      }),
    });
    if (response.status !== 201)
      throw new Error(`creating a watch: ${response.status} ${await response.text()}`);
    watches.push({ id: ((await response.json()) as { id: string }).id, path: page.path });
  }
  return watches;
}

/**
 * Waits for every watch's first check, then reads the schedule each watch's BullMQ job scheduler declared:
 * what checkLedger counts slots from. The queue is returned open for the ledger; the caller closes it.
 */
export async function firstChecksAndSchedules(
  db: Client,
  stack: { redisUrl: string; prefix: string },
  watches: Array<{ id: string; path: string }>,
): Promise<{ queue: Queue; schedules: WatchSchedule[] }> {
  await waitFor(
    async () => {
      const done = await db.query<{ n: number }>(
        `SELECT count(DISTINCT watch_id)::int AS n FROM watch_checks WHERE job_id LIKE '%:first'`,
      );
      return done.rows[0].n >= watches.length;
    },
    { timeoutMs: 300_000, intervalMs: 500, description: 'every first check' },
  );
  const queue = new Queue(QueueName.Monitoring, {
    connection: redisOptionsFromUrl(stack.redisUrl),
    prefix: stack.prefix,
  });
  queue.on('error', () => undefined);
  const schedulers = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const schedules = watches.map((watch) => {
    const scheduler = schedulers.get(`watch-${watch.id}`);
    if (!scheduler?.next || !scheduler.every) throw new Error(`watch ${watch.id} has no scheduler`);
    return { watchId: watch.id, path: watch.path, next: scheduler.next, every: scheduler.every };
  });
  return { queue, schedules };
}
