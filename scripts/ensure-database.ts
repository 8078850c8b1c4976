import { loadAppConfig } from '../src/platform/config/app-config';
import { ensureDatabaseExists } from '../src/platform/database/ensure-database';

// The TypeORM CLI cannot create the database it migrates; do it first.
ensureDatabaseExists(loadAppConfig().databaseUrl).catch((error: unknown) => {
  process.stderr.write(`Cannot reach the database: ${(error as Error).message}\n`);
  process.exit(1);
});
