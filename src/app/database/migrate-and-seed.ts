import 'reflect-metadata';
import { exitOnConfigError } from '../../platform/config/exit-on-config-error';
import { prepareDatabase } from './prepare-database';

/** One-shot step before the API and workers start (the `migrate` service of docker-compose.yml). */
const config = exitOnConfigError();

prepareDatabase(config.databaseUrl, {
  seedDemoData: config.seedDemoData,
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
