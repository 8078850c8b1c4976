import type { DynamicModule, Type } from '@nestjs/common';
import type { AppConfig } from '../platform/config/app-config';
import { ConfigModule } from '../platform/config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from '../platform/logging/logging.module';
import { QueuesModule } from '../platform/queues/queues.module';
import { RedisModule } from '../platform/redis/redis.module';

/** What both entry points (API and worker) stand on: config, logs, Postgres, Redis and the queues. */
export function infrastructureModules(config: AppConfig): Array<Type | DynamicModule> {
  return [ConfigModule.forConfig(config), LoggingModule, DatabaseModule, RedisModule, QueuesModule];
}
