import { DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BrandsModule } from './brands/brands.module';
import { CapturesModule } from './captures/captures.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CompaniesModule } from './companies/companies.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import type { AppConfig } from './config/app-config';
import { EvidenceModule } from './evidence/evidence.module';
import { FindingsModule } from './findings/findings.module';
import { HealthModule } from './health/health.module';
import { infrastructureModules } from './infrastructure';
import { MonitoringModule } from './monitoring/monitoring.module';
import { PublicCacheModule } from './public-cache/public-cache.module';
import { PublicSiteModule } from './public-site/public-site.module';
import { ExportsModule } from './exports/exports.module';
import { FeedModule } from './feed/feed.module';
import { BadgesModule } from './badges/badges.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ScreeningWebModule } from './screening/web/screening-web.module';
import { UsersModule } from './users/users.module';
import { WebAppModule } from './web-app/web-app.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The API and web server. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...infrastructureModules(config),
        HealthModule,
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
    };
  }
}
