import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of a process and all its descendants (Chromium's many processes included). */
export function treeRss(rootPid: number): number {
  const { parents, rss } = processTable();
  return [rootPid, ...descendantPids(rootPid, parents)].reduce(
    (total, pid) => total + (rss.get(pid) ?? 0),
    0,
  );
}

/** Every process under `rootPid` (children, their children...), from `parents` (pid to parent) or /proc. */
export function descendantPids(rootPid: number, parents = processTable().parents): number[] {
  const found: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    for (const [child, parent] of parents) {
      if (parent !== pid) continue;
      found.push(child);
      stack.push(child);
    }
  }
  return found;
}

function processTable(): { parents: Map<number, number>; rss: Map<number, number> } {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  return { parents, rss };
}

/** Samples `treeRss(pid)` until stopped; returns the peak. */
export function peakRssSampler(pid: number, everyMs = 200): { stop(): number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `task(i)` for i in [0, total) with `concurrency` lanes; returns each task's duration (ms). */
export async function runLanes(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        await task(i);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations;
}
