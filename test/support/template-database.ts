import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { quoteIdentifier } from '../../src/platform/database/ensure-database';
import { buildDataSourceOptions } from '../../src/app/database/typeorm-options';
import { allMigrations } from '../../migrations';
import { databaseUrl, withAdminClient } from './postgres-admin';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

/** Template name from the migrations' contents: a new or edited migration gives a new template. */
export function templateDatabaseName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return `pw_tpl_${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Makes sure a database with every migration applied exists to clone test databases from. Built under a
 * temporary name and renamed when complete, so a concurrent run never clones a half-migrated template.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = templateDatabaseName();
  const exists = await withAdminClient(async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return Boolean(found.rowCount);
  });
  if (exists && (await hasEveryMigration(name))) return name;
  if (exists)
    await withAdminClient((client) => client.query(`DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`));
  const buildingName = `${name}_b${process.pid}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdentifier(buildingName)}`));
  const dataSource = await new DataSource(buildDataSourceOptions(databaseUrl(buildingName))).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await withAdminClient(async (client) => {
    try {
      await client.query(
        `ALTER DATABASE ${quoteIdentifier(buildingName)} RENAME TO ${quoteIdentifier(name)}`,
      );
    } catch (error: unknown) {
      // Another run finished the same template first: use theirs.
      if ((error as { code?: string }).code !== '42P04') throw error;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(buildingName)}`);
    }
  });
  return name;
}

/**
 * A template whose name matches but that misses migrations was built while someone was still adding one
 * (file written, index not yet updated): rebuild it rather than clone a schema the code does not expect.
 */
async function hasEveryMigration(name: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    const applied = await client.query<{ count: string }>('SELECT count(*) AS count FROM migrations');
    return Number(applied.rows[0].count) === allMigrations.length;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
