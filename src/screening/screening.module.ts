import { Module } from '@nestjs/common';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { EvidenceModule } from '../evidence/sources/evidence.module';
import { FindingsModule } from '../claims/findings/findings.module';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesService } from './candidates/candidates.service';
import { ScreeningService } from './candidates/screening.service';
import { ScreeningFlags } from './flags/screening-flags';
import { ScreeningFlagsRepository } from './flags/screening-flags.repository';
import { ListImportService } from './lists/list-import.service';
import { ScreeningListsRepository } from './lists/screening-lists.repository';
import { ScreeningController } from './screening.controller';
import { ScreeningImportsService } from './screening-imports.service';

/** The lists, their import, the screening in Postgres and the reviewers' queue (docs/screening.md). */
@Module({
  imports: [BrandsModule, EvidenceModule, FindingsModule],
  controllers: [ScreeningController],
  providers: [
    ScreeningListsRepository,
    ListImportService,
    CandidatesRepository,
    ScreeningFlagsRepository,
    ScreeningFlags,
    ScreeningService,
    CandidatesService,
    ScreeningImportsService,
  ],
  exports: [ScreeningImportsService, CandidatesService],
})
export class ScreeningModule {}
