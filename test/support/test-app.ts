import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { createApiApp, createWorkerApp } from '../../src/app/app-setup';
import { AppConfig, loadAppConfig } from '../../src/platform/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  worker?: INestApplicationContext;
  config: AppConfig;
  database: TestDatabase;
  baseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  worker?: boolean;
}

/**
 * Boots the real API (and, when asked, the worker in the same process) on a database of its own and a
 * queue prefix of its own, so test files never see each other's data or jobs.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const worker = options.worker ? await createWorkerApp(config) : undefined;
  return {
    app,
    worker,
    config,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await worker?.close();
      await app.close();
      await deleteRedisKeys(config);
      await database.drop();
    },
  };
}

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    QUEUE_PREFIX: `pwtest-${randomBytes(4).toString('hex')}`,
    ...env,
  });
}

/** Removes everything the test wrote under its queue prefix. */
export async function deleteRedisKeys(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Some tests point the app at an unreachable Redis on purpose; nothing to clean there.
  } finally {
    redis.disconnect();
  }
}
