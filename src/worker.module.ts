import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { WorkerHeartbeatService } from './health/worker-heartbeat.service';
import { infrastructureModules } from './infrastructure';

/** The worker: BullMQ processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...infrastructureModules(config)],
      providers: [WorkerHeartbeatService],
    };
  }
}
