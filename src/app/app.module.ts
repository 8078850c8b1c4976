import { DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from '../staff/queue-board/queue-board.module';
import { AuditModule } from '../identity/audit/audit.module';
import { AuthModule } from '../identity/auth/auth.module';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { CapturesModule } from '../evidence/captures/captures.module';
import { CommitmentsModule } from '../claims/commitments/commitments.module';
import { CompaniesModule } from '../catalogue/companies/companies.module';
import { DisclosuresModule } from '../claims/disclosures/disclosures.module';
import type { AppConfig } from '../platform/config/app-config';
import { EvidenceModule } from '../evidence/sources/evidence.module';
import { FindingsModule } from '../claims/findings/findings.module';
import { WatchAttentionSummary } from '../monitoring/watches/watch-attention.summary';
import { HealthModule } from '../platform/health/health.module';
import { infrastructureModules } from './infrastructure';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { PublicCacheModule } from '../public/cache/public-cache.module';
import { ReplicaFreshness } from './database/replica-freshness';
import { PublicSiteModule } from '../public/site/public-site.module';
import { ExportsModule } from '../public/exports/exports.module';
import { FeedModule } from '../public/feed/feed.module';
import { BadgesModule } from '../public/badges/badges.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { UsersModule } from '../identity/users/users.module';
import { WebAppModule } from '../staff/staff.module';
import { ScreeningWebModule } from '../staff/screening/screening-web.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/** The API and web server. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...infrastructureModules(config),
        HealthModule.withSummaries([MonitoringModule], [WatchAttentionSummary]),
        AuditModule,
        UsersModule,
        AuthModule,
        CapturesModule,
        WebhooksModule,
        AdminModule,
        CompaniesModule,
        BrandsModule,
        EvidenceModule,
        CommitmentsModule,
        FindingsModule,
        MonitoringModule,
        WebAppModule,
        PublicCacheModule,
        DisclosuresModule,
        ScorecardsModule,
        PublicSiteModule,
        ExportsModule,
        FeedModule,
        BadgesModule,
        ScreeningWebModule,
      ],
      // Needs the public data version, which only the API has: the worker never reads from the replica.
      providers: [ReplicaFreshness],
    };
  }
}
