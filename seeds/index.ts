import type { DataSource } from 'typeorm';

/**
 * Loads the demo data (built from public facts, see seeds/README.md) into a database that holds no brands yet.
 * The data arrives with the data core; until then there is nothing to load.
 */
export async function seedDemoDataIfEmpty(
  _dataSource: DataSource,
  log: (line: string) => void,
): Promise<void> {
  await Promise.resolve();
  log('No demo data to load yet');
}
