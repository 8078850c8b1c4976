import type { DynamicModule, Type } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';

/** What both entry points (API and worker) stand on: config, logs, Postgres, Redis and the queues. */
export function infrastructureModules(config: AppConfig): Array<Type | DynamicModule> {
  return [ConfigModule.forConfig(config), LoggingModule, DatabaseModule, RedisModule, QueuesModule];
}
