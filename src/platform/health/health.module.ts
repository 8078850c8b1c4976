import { DynamicModule, ModuleMetadata, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RedisAndWorkerIndicators } from './health-indicators';
import { HEALTH_SUMMARIES, type HealthSummary } from './health-summary';

/** `/health`: the dependencies' checks, plus the summaries the app's domains provide (HealthSummary). */
export class HealthModule {
  static withSummaries(
    imports: ModuleMetadata['imports'],
    summaries: Array<Type<HealthSummary>>,
  ): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(imports ?? [])],
      controllers: [HealthController],
      providers: [
        RedisAndWorkerIndicators,
        ...summaries,
        { provide: HEALTH_SUMMARIES, useFactory: (...found: HealthSummary[]) => found, inject: summaries },
      ],
    };
  }
}
