import { ensureTemplateDatabase } from './template-database';
import { dropStaleTestDatabases } from './test-database';

/** Once per Jest run: the migrated template every test file clones its database from. */
export default async function globalSetup(): Promise<void> {
  await dropStaleTestDatabases();
  await ensureTemplateDatabase();
}
