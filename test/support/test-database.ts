import { randomBytes } from 'node:crypto';
import { quoteIdentifier } from '../../src/platform/database/ensure-database';
import { databaseUrl, withAdminClient } from './postgres-admin';
import { templateDatabaseName } from './template-database';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, cloned from the migrated template (made by global-setup). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pw_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const template = templateDatabaseName();
  await withAdminClient(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`);
        return;
      } catch (error: unknown) {
        // 55006: another file is cloning the same template this instant; wait a moment and clone again.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/** Test databases left behind by runs that were killed, older than a few hours. */
export async function dropStaleTestDatabases(maxAgeSeconds = 3 * 3600): Promise<void> {
  const names = await withAdminClient(async (client) => {
    const rows = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'pw\\_test\\_%'`,
    );
    return rows.rows.map((row) => row.datname);
  });
  const now = Math.floor(Date.now() / 1000);
  for (const name of names) {
    const createdAt = Number(name.split('_')[2]);
    if (Number.isFinite(createdAt) && now - createdAt > maxAgeSeconds) await dropDatabase(name);
  }
}
