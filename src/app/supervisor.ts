import type { ChildProcess } from 'node:child_process';

/** How a dead child is restarted: after a delay that doubles with each quick death, up to a ceiling. */
export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A child that ran this long before dying was healthy: its next restart starts from the first delay. */
  stableAfterMs: number;
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

export interface ChildSpec {
  name: string;
  start: () => ChildProcess;
}

interface Running {
  spec: ChildSpec;
  process: ChildProcess;
  startedAt: number;
  /** Deaths in a row, each within `stableAfterMs` of its start. */
  quickDeaths: number;
  restarts: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps the launcher's children alive: a child that dies (a worker killed by the OOM killer, a crash) is
 * restarted with backoff and every restart is logged, while the others keep running, so a dead worker never
 * takes the API down with it. `stop` ends them all and restarts nothing.
 */
export class Supervisor {
  private readonly children: Running[] = [];
  private stopping = false;

  constructor(
    specs: ChildSpec[],
    private readonly policy: RestartPolicy = RESTART_POLICY,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {
    for (const spec of specs) {
      const child = this.launch({ spec, quickDeaths: 0, restarts: 0 });
      this.children.push(child);
      this.log(`${spec.name} started (pid ${child.process.pid ?? 'unknown'})`);
    }
  }

  restarts(name: string): number {
    return this.children.find((child) => child.spec.name === name)?.restarts ?? 0;
  }

  pid(name: string): number | undefined {
    return this.children.find((child) => child.spec.name === name)?.process.pid;
  }

  /** Sends `signal` to every child still running and waits until all have exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map((child) => {
        clearTimeout(child.timer);
        const { process } = child;
        if (process.exitCode !== null || process.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          process.once('exit', () => resolve());
          process.kill(signal);
        });
      }),
    );
  }

  private launch(state: Omit<Running, 'process' | 'startedAt'>): Running {
    const running: Running = { ...state, process: state.spec.start(), startedAt: Date.now() };
    running.process.on('exit', (code, signal) => this.onExit(running, code, signal));
    return running;
  }

  private onExit(child: Running, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const ranMs = Date.now() - child.startedAt;
    child.quickDeaths = ranMs >= this.policy.stableAfterMs ? 0 : child.quickDeaths + 1;
    const delayMs = Math.min(
      this.policy.firstDelayMs * 2 ** Math.max(0, child.quickDeaths - 1),
      this.policy.maxDelayMs,
    );
    const how = signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
    this.log(
      `${child.spec.name} ${how} after ${Math.round(ranMs / 1000)} s; restarting it in ${delayMs} ms ` +
        `(restart ${child.restarts + 1})`,
    );
    child.timer = setTimeout(() => {
      if (this.stopping) return;
      const restarted = this.launch({
        spec: child.spec,
        quickDeaths: child.quickDeaths,
        restarts: child.restarts + 1,
      });
      this.children[this.children.indexOf(child)] = restarted;
      this.log(`${child.spec.name} restarted (pid ${restarted.process.pid ?? 'unknown'})`);
    }, delayMs);
  }
}
