import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ReadRouting } from '../../platform/database/read-replica/read-routing';
import { routingPg } from '../../platform/database/read-replica/routing-pg';
import { buildDataSourceOptions } from './typeorm-options';

/**
 * Postgres through TypeORM. With DATABASE_READ_URL the one DataSource is given a `pg` whose pool can hand out
 * replica connections for anonymous public reads (ReadRouting); TypeORM's own `replication` option was not used
 * because it routes by kind of call (every SELECT builder to a replica, raw queries and transactions to the
 * primary), not by who asked, so staff pages would read a lagging replica and public raw-SQL reads never would.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, ReadRouting],
      useFactory: (config: AppConfig, routing: ReadRouting) => ({
        ...buildDataSourceOptions(config.databaseUrl),
        ...(config.databaseReadUrl ? { driver: routingPg(config.databaseReadUrl, routing) } : {}),
        // Fail fast at boot instead of retrying for minutes; the launcher has already checked the server.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [
    {
      provide: ReadRouting,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ReadRouting(config.databaseReadUrl !== null),
    },
  ],
  exports: [ReadRouting],
})
export class DatabaseModule {}
