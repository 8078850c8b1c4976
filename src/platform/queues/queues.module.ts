import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisOptionsFromUrl } from '../redis/redis-connection';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS } from './queue-catalogue';

const queueRegistrations = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));

/** BullMQ connection and every queue of the catalogue, for producers (API) and consumers (worker). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    queueRegistrations,
  ],
  exports: [queueRegistrations],
})
export class QueuesModule implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A queue without an 'error' listener would crash the process when Redis goes away; log instead. */
  onModuleInit(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => this.logger.warn(`Queue ${name}: ${error.message}`));
    }
    this.logger.log(`Queues ready under prefix "${this.config.queuePrefix}"`);
  }
}
