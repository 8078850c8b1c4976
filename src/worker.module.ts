import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { CapturesWorkerModule } from './captures/captures-worker.module';
import type { AppConfig } from './config/app-config';
import { WorkerHeartbeatService } from './health/worker-heartbeat.service';
import { infrastructureModules } from './infrastructure';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { MonitoringWorkerModule } from './monitoring/monitoring-worker.module';
import { JobCoverageCheck } from './queues/job-coverage.check';

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
      ],
      providers: [WorkerHeartbeatService, JobCoverageCheck],
    };
  }
}
