import { Queue } from 'bullmq';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { redisOptionsFromUrl } from '../../src/platform/redis/redis-connection';
import { waitFor } from '../../test/support/wait-for';
import type { SoakStack } from './soak-stack';

/** Requests that start up to this long after a fault was undone still count as the fault's. */
export const SETTLE_MS = 10_000;

/**
 * A fault starts no sooner than this after the previous one was undone, so the minute after a restart and
 * the checks after the Redis loss are measured on their own, not through the next fault (a slow worker
 * start on a loaded machine would otherwise push one fault into the next).
 */
const QUIET_AFTER_FAULT_MS = 60_000;

export interface FaultWindow {
  name: string;
  startedAt: number;
  /** When the fault was undone (the service answers again); undefined while it lasts. */
  recoveredAt?: number;
  note: string;
  /** When the new worker reported its first heartbeat (worker faults): the minute after it is read for bursts. */
  workerStartedAt?: number;
  /** When the worker was killed (SIGKILL), after waiting for a check to be running. */
  killedAt?: number;
  /** When Redis went away, taking every key with it. */
  redisLostAt?: number;
  /** Check jobs a killed worker was running when it died (SIGKILL): their re-runs are timed. */
  interruptedJobIds?: string[];
}

interface Fault {
  name: string;
  /** When, as a fraction of the soak's duration. */
  at: number;
  /** Causes the fault, undoes it, and returns what happened in words; `window` takes its moments. */
  run(mark: () => void, window: FaultWindow): Promise<string>;
}

export interface FaultSettings {
  redisDownMs: number;
  postgresCutMs: number;
  watchCount: number;
  /** The soak's handle on the monitoring queue, to see which checks a killed worker was running. */
  queue: Queue;
}

/** How long the SIGKILL fault waits for a check to be running, so the kill interrupts one. */
const RUNNING_CHECK_WAIT_MS = 60_000;

/** The bad day: a worker restart, a Redis restart, a Postgres restart (simulated), and a worker killed. */
export function badDay(stack: SoakStack, settings: FaultSettings): Fault[] {
  return [
    {
      name: 'worker SIGTERM + start',
      at: 0.15,
      async run(mark, window) {
        await stack.stopWorker('SIGTERM');
        const stoppedAt = Date.now();
        await stack.startWorker();
        window.workerStartedAt = Date.now();
        mark();
        return `graceful stop, new worker heartbeat ${seconds(Date.now() - stoppedAt)} after exit`;
      },
    },
    {
      name: 'Redis restart (data lost)',
      at: 0.3,
      async run(mark, window) {
        window.redisLostAt = Date.now();
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
      async run(mark, window) {
        const waited = await runningCheck(settings.queue);
        await stack.stopWorker('SIGKILL');
        const killedAt = Date.now();
        window.killedAt = killedAt;
        // Nothing moves a dead worker's jobs out of the active list until their lock expires: what is still
        // there is what the kill interrupted.
        window.interruptedJobIds = (await settings.queue.getActive())
          .filter((job) => job.name === 'check-watch' && job.id)
          .map((job) => job.id as string);
        await stack.startWorker();
        window.workerStartedAt = Date.now();
        mark();
        return `killed ${waited ? 'mid-check' : 'with no check running (none started within a minute)'} (${window.interruptedJobIds.join(', ') || 'no check interrupted'}), new worker heartbeat ${seconds(Date.now() - killedAt)} later`;
      },
    },
  ];
}

/** Runs faults at their moments and remembers their windows, so each request can be put in its bucket. */
export class FaultTimeline {
  readonly windows: FaultWindow[] = [];

  async run(faults: Fault[], startedAt: number, durationMs: number, log: (line: string) => void) {
    let quietUntil = 0;
    for (const fault of faults) {
      await sleep(Math.max(startedAt + fault.at * durationMs, quietUntil) - Date.now());
      const window: FaultWindow = { name: fault.name, startedAt: Date.now(), note: '' };
      this.windows.push(window);
      log(`fault: ${fault.name}`);
      window.note = await fault.run(() => (window.recoveredAt = Date.now()), window);
      window.recoveredAt ??= Date.now();
      quietUntil = window.recoveredAt + QUIET_AFTER_FAULT_MS;
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

/** Waits until a check is running (true), or gives up after RUNNING_CHECK_WAIT_MS (false). */
async function runningCheck(queue: Queue): Promise<boolean> {
  const deadline = Date.now() + RUNNING_CHECK_WAIT_MS;
  while (Date.now() < deadline) {
    if ((await queue.getActive()).some((job) => job.name === 'check-watch')) return true;
    await sleep(25);
  }
  return false;
}

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
