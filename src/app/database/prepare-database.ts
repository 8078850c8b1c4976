import { DataSource } from 'typeorm';
import { seedDemoDataIfEmpty } from '../../../seeds';
import { ensureDatabaseExists } from '../../platform/database/ensure-database';
import { buildDataSourceOptions } from './typeorm-options';

/** Creates the database if needed, applies pending migrations and, when asked, loads the demo data. */
export async function prepareDatabase(
  databaseUrl: string,
  options: { seedDemoData: boolean; log: (line: string) => void },
): Promise<void> {
  if (await ensureDatabaseExists(databaseUrl)) options.log('Created the database');
  const dataSource = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    options.log(applied.length ? `Applied ${applied.length} migration(s)` : 'Database schema is up to date');
    if (options.seedDemoData) await seedDemoDataIfEmpty(dataSource, options.log);
  } finally {
    await dataSource.destroy();
  }
}
