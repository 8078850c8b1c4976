import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { exitOnConfigError } from '../platform/config/exit-on-config-error';
import { prepareDatabase } from './database/prepare-database';
import { Supervisor } from './supervisor';

/**
 * `npm start`: migrate, load the demo data into an empty database, then run the API and the worker as two
 * processes (as Docker Compose does). A child that dies is restarted with backoff while the other keeps
 * running (supervisor.ts); a signal stops both.
 */
async function launch(): Promise<void> {
  const config = exitOnConfigError();
  await prepareDatabase(config.databaseUrl, {
    seedDemoData: config.seedDemoData,
    log: (line) => console.log(line),
  });
  const supervisor = new Supervisor([
    { name: 'api', start: () => runChild('api', 'main.js') },
    { name: 'worker', start: () => runChild('worker', 'worker.js') },
  ]);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void supervisor.stop('SIGTERM').then(() => process.exit(0)));
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
