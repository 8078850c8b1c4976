import { Queue } from 'bullmq';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { redisOptionsFromUrl } from '../../src/platform/redis/redis-connection';
import { waitFor } from '../../test/support/wait-for';
import type { SoakStack } from './soak-stack';

/** Requests that start up to this long after a fault was undone still count as the fault's. */
export const SETTLE_MS = 10_000;

export interface FaultWindow {
  name: string;
  startedAt: number;
  /** When the fault was undone (the service answers again); undefined while it lasts. */
  recoveredAt?: number;
  note: string;
}

interface Fault {
  name: string;
  /** When, as a fraction of the soak's duration. */
  at: number;
  /** Causes the fault, undoes it, and returns what happened in words. */
  run(mark: () => void): Promise<string>;
}

export interface FaultSettings {
  redisDownMs: number;
  postgresCutMs: number;
  watchCount: number;
}

/** The bad day: a worker restart, a Redis restart, a Postgres restart (simulated), and a worker killed. */
export function badDay(stack: SoakStack, settings: FaultSettings): Fault[] {
  return [
    {
      name: 'worker SIGTERM + start',
      at: 0.15,
      async run(mark) {
        await stack.stopWorker('SIGTERM');
        const stoppedAt = Date.now();
        await stack.startWorker();
        mark();
        return `graceful stop, new worker heartbeat ${seconds(Date.now() - stoppedAt)} after exit`;
      },
    },
    {
      name: 'Redis restart (data lost)',
      at: 0.3,
      async run(mark) {
        await stack.stopRedis();
        await sleep(settings.redisDownMs);
        await stack.startRedis();
        mark();
        const back = Date.now();
        await schedulersBack(stack, settings.watchCount);
        return `down ${seconds(settings.redisDownMs)}, empty on restart; every watch scheduled again ${seconds(Date.now() - back)} later`;
      },
    },
    {
      name: 'Postgres restart (simulated: proxy cuts every connection)',
      at: 0.5,
      async run(mark) {
        stack.cutPostgres();
        await sleep(settings.postgresCutMs);
        stack.restorePostgres();
        mark();
        return `every connection of the API and the worker dropped and new ones refused for ${seconds(settings.postgresCutMs)}`;
      },
    },
    {
      name: 'worker SIGKILL + start',
      at: 0.65,
      async run(mark) {
        await stack.stopWorker('SIGKILL');
        const killedAt = Date.now();
        await stack.startWorker();
        mark();
        return `killed mid-work, new worker heartbeat ${seconds(Date.now() - killedAt)} later`;
      },
    },
  ];
}

/** Runs faults at their moments and remembers their windows, so each request can be put in its bucket. */
export class FaultTimeline {
  readonly windows: FaultWindow[] = [];

  async run(faults: Fault[], startedAt: number, durationMs: number, log: (line: string) => void) {
    for (const fault of faults) {
      await sleep(startedAt + fault.at * durationMs - Date.now());
      const window: FaultWindow = { name: fault.name, startedAt: Date.now(), note: '' };
      this.windows.push(window);
      log(`fault: ${fault.name}`);
      window.note = await fault.run(() => (window.recoveredAt = Date.now()));
      window.recoveredAt ??= Date.now();
      log(`  recovered: ${window.note}`);
    }
  }

  /** The fault whose window (start to recovery + SETTLE_MS) holds `at`, or 'steady state'. */
  bucketOf(at: number): string {
    const window = this.windows.find(
      (w) => at >= w.startedAt && at <= (w.recoveredAt ?? Number.POSITIVE_INFINITY) + SETTLE_MS,
    );
    return window?.name ?? STEADY;
  }
}

export const STEADY = 'steady state';

async function schedulersBack(stack: SoakStack, watchCount: number): Promise<void> {
  const queue = new Queue(QueueName.Monitoring, {
    connection: redisOptionsFromUrl(stack.redisUrl),
    prefix: stack.prefix,
  });
  try {
    await waitFor(
      async () =>
        (await queue.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith('watch-')).length >= watchCount,
      { timeoutMs: 120_000, intervalMs: 250, description: 'every watch to be scheduled again' },
    );
  } finally {
    await queue.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
