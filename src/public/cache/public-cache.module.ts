import { Global, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { installFrontCache } from './front-cache';
import { PublicCacheMiddleware } from './public-cache.middleware';
import { PublicDataVersion } from './public-data-version';
import { EVERY_SCOPE } from './public-scope';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { ResponseCache } from './response-cache';

/** Rendered public responses held in memory per process; a few thousand brand pages fit comfortably. */
const CACHE_BYTES = 64 * 1024 * 1024;
const CACHE_ENTRY_BYTES = 1024 * 1024;

/** ETags, 304s and the in-memory copy of public reads, never stale (see PublicDataVersion). */
@Global()
@Module({
  providers: [
    PublicDataVersion,
    { provide: ResponseCache, useFactory: () => new ResponseCache(CACHE_BYTES, CACHE_ENTRY_BYTES) },
    { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
  ],
  exports: [PublicDataVersion],
})
export class PublicCacheModule implements NestModule, OnApplicationBootstrap {
  constructor(
    private readonly version: PublicDataVersion,
    private readonly cache: ResponseCache,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    // Copies of a scope's older version can never be asked for again: free them at once.
    this.version.onChange((_version, change) => {
      if (change === EVERY_SCOPE) this.cache.clear();
      else for (const scope of change) this.cache.forget(scope);
    });
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) installFrontCache(server, this.version, this.cache);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicCacheMiddleware).forRoutes('{*splat}');
  }
}
