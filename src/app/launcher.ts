import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { exitOnConfigError } from '../platform/config/exit-on-config-error';
import { prepareDatabase } from './database/prepare-database';

/**
 * `npm start`: migrate, load the demo data into an empty database, then run the API and the worker as two
 * processes (as Docker Compose does), stopping both when either stops or a signal arrives.
 */
async function launch(): Promise<void> {
  const config = exitOnConfigError();
  await prepareDatabase(config.databaseUrl, {
    seedDemoData: config.seedDemoData,
    log: (line) => console.log(line),
  });
  const children = [runChild('api', 'main.js'), runChild('worker', 'worker.js')];
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll('SIGTERM'));
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) process.exitCode = code ?? 1;
      stopAll('SIGTERM');
    });
  }
  console.log(`Pledgewatch API on http://127.0.0.1:${config.port} (health: /health, API docs: /api/docs)`);
}

function runChild(name: string, entry: string): ChildProcess {
  return spawn(process.execPath, [path.join(__dirname, entry)], { stdio: 'inherit', env: process.env }).on(
    'error',
    (error) => console.error(`${name} could not start: ${error.message}`),
  );
}

launch().catch((error: unknown) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
