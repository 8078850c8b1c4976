import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../identity/audit/audit.module';
import { BrandsWorkerModule } from '../catalogue/brands/brands-worker.module';
import { CapturesWorkerModule } from '../evidence/captures/captures-worker.module';
import type { AppConfig } from '../platform/config/app-config';
import { WorkerHeartbeatService } from '../platform/health/worker-heartbeat.service';
import { infrastructureModules } from './infrastructure';
import { WebhooksWorkerModule } from '../webhooks/webhooks-worker.module';
import { MonitoringWorkerModule } from '../monitoring/monitoring-worker.module';
import { JobCoverageCheck } from '../platform/queues/job-coverage.check';

/** The worker: BullMQ processors only, no HTTP. It refuses to start when a catalogue job has no processor. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...infrastructureModules(config),
        DiscoveryModule,
        AuditModule,
        CapturesWorkerModule,
        WebhooksWorkerModule,
        MonitoringWorkerModule,
        BrandsWorkerModule,
      ],
      providers: [WorkerHeartbeatService, JobCoverageCheck],
    };
  }
}
