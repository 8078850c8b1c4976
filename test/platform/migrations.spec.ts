import { DataSource } from 'typeorm';
import { quoteIdentifier } from '../../src/platform/database/ensure-database';
import { buildDataSourceOptions } from '../../src/app/database/typeorm-options';
import { allMigrations } from '../../migrations';
import { databaseUrl, withAdminClient } from '../support/postgres-admin';
import { dropDatabase } from '../support/test-database';

describe('migrations', () => {
  const name = `pw_test_${Math.floor(Date.now() / 1000)}_migrations_${process.pid}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    dataSource = await new DataSource(buildDataSourceOptions(databaseUrl(name))).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(name);
  });

  async function schemaSnapshot(): Promise<string[]> {
    const rows = await dataSource.query<Array<{ item: string }>>(`
      SELECT 'table ' || table_name AS item FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> 'migrations'
      UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations'
      UNION ALL SELECT 'type ' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'
      UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
      ORDER BY 1`);
    return rows.map((row) => row.item);
  }

  it('all run on an empty database, all revert, and all run again to the same schema', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(allMigrations.length);
    const migrated = await schemaSnapshot();
    expect(migrated).toContain('extension pg_trgm');

    for (let i = 0; i < allMigrations.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await schemaSnapshot()).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(allMigrations.length);
    expect(await schemaSnapshot()).toEqual(migrated);
  });

  it('UniqueBrandSectors leaves each brand every sector once, in the order first given', async () => {
    expect(allMigrations.map((migration) => migration.name)).toContain('UniqueBrandSectors1796750000000');
    await dataSource.runMigrations({ transaction: 'each' });
    const lastRun = async () =>
      (
        await dataSource.query<Array<{ name: string }>>(
          'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
        )
      )[0]?.name;
    for (let undone = 0; undone < allMigrations.length; undone++) {
      if ((await lastRun()) === 'UniqueBrandSectors1796750000000') break;
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await lastRun()).toBe('UniqueBrandSectors1796750000000');
    await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.query(
      `INSERT INTO brands (slug, name, sectors) VALUES
         ('twice', 'Twice', ARRAY['toys', 'apparel', 'toys', 'apparel', 'food']),
         ('once', 'Once', ARRAY['rail', 'toys'])`,
    );
    await dataSource.runMigrations({ transaction: 'each' });
    const rows = await dataSource.query<Array<{ slug: string; sectors: string[] }>>(
      `SELECT slug, sectors FROM brands WHERE slug IN ('twice', 'once') ORDER BY slug`,
    );
    expect(rows).toEqual([
      { slug: 'once', sectors: ['rail', 'toys'] },
      { slug: 'twice', sectors: ['toys', 'apparel', 'food'] },
    ]);
  });
});
