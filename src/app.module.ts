import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { HealthModule } from './health/health.module';
import { infrastructureModules } from './infrastructure';

/** The API and web server. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [...infrastructureModules(config), HealthModule] };
  }
}
