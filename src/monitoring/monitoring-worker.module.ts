import { Module } from '@nestjs/common';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { WebhookOutboxModule } from '../webhooks/webhook-outbox.module';
import { CheckRecorder } from './checks/check-recorder';
import { CheckService } from './checks/check.service';
import { FetchersModule } from '../platform/fetching/fetchers.module';
import { KeptSnapshotRecorder } from './checks/kept-snapshot-recorder';
import { MonitoringProcessor } from './monitoring.processor';
import { HostPoliteness } from '../platform/fetching/politeness/host-politeness';
import { ReconcileTimer } from './schedule/reconcile-timer';
import { ScheduleService } from './schedule/schedule.service';
import { WatchesRepository } from './watches/watches.repository';

/** The worker side of monitoring: the `monitoring` queue's processor, schedules and their reconcile pass. */
@Module({
  imports: [FetchersModule, BrandsModule, WebhookOutboxModule],
  providers: [
    WatchesRepository,
    ScheduleService,
    ReconcileTimer,
    HostPoliteness,
    CheckRecorder,
    KeptSnapshotRecorder,
    CheckService,
    MonitoringProcessor,
  ],
})
export class MonitoringWorkerModule {}
