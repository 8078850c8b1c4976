import { spawn } from 'node:child_process';
import { Supervisor } from '../../src/app/supervisor';
import { waitFor } from '../support/wait-for';

const node = (script: string) => () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' });

/**
 * Issue 15: under `npm start`, when the worker died the launcher stopped the API too and restarted neither.
 * Quick delays here; the launcher's own are 1 s doubling to 30 s.
 */
describe('the launcher’s supervisor', () => {
  let supervisor: Supervisor | undefined;

  afterEach(async () => {
    await supervisor?.stop();
  });

  it('restarts a worker that keeps dying, with growing delays and a log line each time, and keeps the API up', async () => {
    const lines: string[] = [];
    supervisor = new Supervisor(
      [
        { name: 'api', start: node('setInterval(() => {}, 1000)') },
        { name: 'worker', start: node('process.exit(3)') },
      ],
      { firstDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000 },
      (line) => lines.push(line),
    );
    const apiPid = supervisor.pid('api');
    const running = supervisor;
    await waitFor(() => (running.restarts('worker') >= 4 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 20,
      description: 'four restarts of the worker',
    });

    expect(supervisor.pid('api')).toBe(apiPid);
    expect(supervisor.restarts('api')).toBe(0);
    const delays = lines
      .filter((line) => line.startsWith('worker exited with code 3'))
      .map((line) => Number(/restarting it in (\d+) ms/.exec(line)?.[1]));
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 80]);
    expect(lines).toContain(`worker restarted (pid ${supervisor.pid('worker') ?? 'unknown'})`);
  });

  it('names the signal that killed a child, and restarts nothing once stopped', async () => {
    const lines: string[] = [];
    supervisor = new Supervisor(
      [{ name: 'worker', start: node('setInterval(() => {}, 1000)') }],
      { firstDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000 },
      (line) => lines.push(line),
    );
    const firstPid = supervisor.pid('worker');
    process.kill(firstPid ?? 0, 'SIGKILL');
    const running = supervisor;
    await waitFor(() => (running.restarts('worker') === 1 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 20,
      description: 'the killed worker to be restarted',
    });
    expect(lines[1]).toMatch(
      /^worker was killed by SIGKILL after \d+ s; restarting it in 20 ms \(restart 1\)$/,
    );
    expect(supervisor.pid('worker')).not.toBe(firstPid);

    await supervisor.stop();
    expect(supervisor.restarts('worker')).toBe(1);
  });
});
