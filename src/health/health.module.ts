import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { HealthController } from './health.controller';
import { RedisAndWorkerIndicators } from './health-indicators';
import { WatchAttentionIndicator } from './watch-attention-indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MonitoringModule],
  controllers: [HealthController],
  providers: [RedisAndWorkerIndicators, WatchAttentionIndicator],
})
export class HealthModule {}
