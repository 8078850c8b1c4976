import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisOptionsFromUrl } from './redis-connection';

/** Injection token of the shared ioredis client (heartbeats, health, locks, rate limits). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const logger = new Logger('Redis');
        const client = new Redis({
          ...redisOptionsFromUrl(config.redisUrl),
          // Commands fail at once while Redis is away instead of queueing up: callers decide what to do.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
          lazyConnect: true,
        });
        let lastLogged = 0;
        client.on('error', (error: Error) => {
          // Reconnection errors repeat several times a second; one line every 30 s is enough to see it.
          if (Date.now() - lastLogged > 30_000) {
            lastLogged = Date.now();
            logger.warn(`Redis unavailable: ${error.message}`);
          }
        });
        // Without an offline queue, a command sent before the first connection is up fails: connect before
        // anyone can use the client. If Redis is down the app still starts (health says so) and reconnects.
        await client.connect().catch(() => undefined);
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
