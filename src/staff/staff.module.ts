import { Module } from '@nestjs/common';
import { AuthModule } from '../identity/auth/auth.module';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { CapturesModule } from '../evidence/captures/captures.module';
import { CommitmentsModule } from '../claims/commitments/commitments.module';
import { CompaniesModule } from '../catalogue/companies/companies.module';
import { EvidenceModule } from '../evidence/sources/evidence.module';
import { FindingsModule } from '../claims/findings/findings.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { UsersModule } from '../identity/users/users.module';
import { AdminController } from './admin/admin.controller';
import { LoginController } from './auth/login.controller';
import { HistoryService } from './history/history.service';
import { BrandPages, ResearchBrandsController, ResearchHomeController } from './research/brands.controller';
import { CaptureLoader } from './research/capture-loader';
import { ClaimSupport } from './research/claim-support.service';
import { CommitmentPages, ResearchCommitmentsController } from './research/commitments.controller';
import { CompanyPages, ResearchCompaniesController } from './research/companies.controller';
import { ResearchEvidenceController } from './research/evidence.controller';
import { FindingClosurePagesController } from './research/finding-closures.controller';
import { FindingPages, ResearchFindingsController } from './research/findings.controller';
import { ResearchImportController } from './research/import.controller';
import { IMPORT_PROVIDERS } from './research/import-providers';
import { FlagQueueService } from './review/flag-queue.service';
import { FlagsTriageController } from './review/flags.controller';
import { ReviewController } from './review/review.controller';
import { ReviewQueueService } from './review/review-queue.service';
import { RevisionDisplay } from './review/revision-display';
import { RevisionsModule } from '../catalogue/revisions/revisions.module';

/**
 * The web app for researchers, reviewers and admins: server-rendered pages over the same services (and
 * DTOs) as the API. The public pages (/, /brands, /methodology) live elsewhere.
 */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    CompaniesModule,
    BrandsModule,
    RevisionsModule,
    EvidenceModule,
    CommitmentsModule,
    FindingsModule,
    CapturesModule,
    MonitoringModule,
  ],
  controllers: [
    LoginController,
    ResearchHomeController,
    ResearchBrandsController,
    ResearchCompaniesController,
    ResearchCommitmentsController,
    ResearchFindingsController,
    FindingClosurePagesController,
    ResearchEvidenceController,
    ResearchImportController,
    ReviewController,
    FlagsTriageController,
    AdminController,
  ],
  providers: [
    HistoryService,
    CaptureLoader,
    BrandPages,
    ClaimSupport,
    CommitmentPages,
    CompanyPages,
    FindingPages,
    ReviewQueueService,
    RevisionDisplay,
    FlagQueueService,
    ...IMPORT_PROVIDERS,
  ],
})
export class WebAppModule {}
