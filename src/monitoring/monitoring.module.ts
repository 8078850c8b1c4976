import { FindingsModule } from '../claims/findings/findings.module';
import { Module } from '@nestjs/common';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { CommitmentsModule } from '../claims/commitments/commitments.module';
import { EvidenceModule } from '../evidence/sources/evidence.module';
import { SnapshotsController } from './checks/snapshots.controller';
import { SnapshotsService } from './checks/snapshots.service';
import { FlagCreations } from './flags/flag-creations';
import { FlagsController } from './flags/flags.controller';
import { FlagsRepository } from './flags/flags.repository';
import { FlagsService } from './flags/flags.service';
import { ScheduleService } from './schedule/schedule.service';
import { WatchUrlVetter } from './watches/watch-url-vetter';
import { WatchesController } from './watches/watches.controller';
import { WatchesRepository } from './watches/watches.repository';
import { WatchesService } from './watches/watches.service';

/** The API side of monitoring: watches, snapshots and flags. The checks run in MonitoringWorkerModule. */
@Module({
  imports: [BrandsModule, CommitmentsModule, FindingsModule, EvidenceModule],
  controllers: [WatchesController, FlagsController, SnapshotsController],
  providers: [
    WatchesRepository,
    WatchesService,
    WatchUrlVetter,
    ScheduleService,
    SnapshotsService,
    FlagsRepository,
    FlagsService,
    FlagCreations,
  ],
  // The web app's review and admin pages call these rather than the HTTP API.
  exports: [WatchesService, SnapshotsService, FlagsService],
})
export class MonitoringModule {}
