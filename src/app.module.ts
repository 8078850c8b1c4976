import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { HealthModule } from './health/health.module';
import { infrastructureModules } from './infrastructure';
import { MonitoringModule } from './monitoring/monitoring.module';
import { UsersModule } from './users/users.module';

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
        MonitoringModule,
      ],
    };
  }
}
