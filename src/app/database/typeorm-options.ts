import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from '../../platform/database/snake-naming.strategy';
import { allEntities } from './entities';
import { allMigrations } from '../../../migrations';

/** One definition of how we talk to Postgres, shared by the app, the TypeORM CLI and the tests. */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: allEntities,
    migrations: allMigrations,
    namingStrategy: new SnakeNamingStrategy(),
    // Schema changes only ever come from reviewed migrations (STYLE.md 9).
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Extensions come from migrations only; left on, TypeORM would CREATE EXTENSION "uuid-ossp" at every start.
    // gen_random_uuid() is built into Postgres 13+, so uuid columns need no extension at all.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    // Failed queries surface as errors our exception filter maps and logs (5xx only); TypeORM's own console
    // logger would print raw SQL and parameters, personal data included, outside the structured log.
    logging: false,
    // JIT compilation costs 60 ms to 2 s on the campaigner queries at 100k brands and buys nothing for them
    // (measured by bench/catalogue.bench.ts); our queries are short OLTP reads and writes.
    extra: { max: 10, connectionTimeoutMillis: 5000, options: '-c jit=off' },
  };
}
