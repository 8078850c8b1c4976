import { getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '../identity/audit/audit.module';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { CommitmentsModule } from '../claims/commitments/commitments.module';
import { CompaniesModule } from '../catalogue/companies/companies.module';
import { EvidenceModule } from '../evidence/sources/evidence.module';
import { FindingsModule } from '../claims/findings/findings.module';
import { QueueName } from '../platform/queues/queue-catalogue';
import { UsersModule } from '../identity/users/users.module';
import { CatalogueImporter } from './catalogue-importer';
import { CatalogueLookup } from './catalogue-lookup';
import { BrandRows } from './kinds/brand-rows';
import { CommitmentRows } from './kinds/commitment-rows';
import { EvidenceRows } from './kinds/evidence-rows';
import { ClosureRows } from './kinds/closure-rows';
import { FindingRows } from './kinds/finding-rows';
import { SubjectRecords } from './subject-records';

/**
 * Evidence logged by an import leaves its capture as a pending row in the archive's outbox (written in the
 * evidence's own transaction); the worker's reconcile pass queues every pending capture (in batches) at
 * start and on a timer. So the import needs no Redis: this stands in for the captures queue and adds
 * nothing, which is what CaptureScheduler already does when Redis is away.
 */
const OUTBOX_ONLY_CAPTURES_QUEUE = { add: (): Promise<void> => Promise.resolve() };

@Module({})
class ImportInfrastructureModule {}

/**
 * The catalogue modules and the importer on a data source of the caller's (the CLI's own, or the one
 * `npm start` migrated), without HTTP, config, Redis or queues: quick to start in a CLI or a seed step.
 */
@Module({})
export class ImportModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: ImportModule,
      imports: [
        {
          module: ImportInfrastructureModule,
          global: true,
          providers: [
            { provide: DataSource, useValue: dataSource },
            { provide: getQueueToken(QueueName.Captures), useValue: OUTBOX_ONLY_CAPTURES_QUEUE },
          ],
          exports: [DataSource, getQueueToken(QueueName.Captures)],
        },
        AuditModule,
        UsersModule,
        CompaniesModule,
        BrandsModule,
        EvidenceModule,
        CommitmentsModule,
        FindingsModule,
      ],
      providers: [
        CatalogueLookup,
        SubjectRecords,
        BrandRows,
        EvidenceRows,
        CommitmentRows,
        FindingRows,
        ClosureRows,
        CatalogueImporter,
      ],
      exports: [CatalogueImporter],
    };
  }
}
