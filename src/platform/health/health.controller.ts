import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../http/public-route';
import { RedisAndWorkerIndicators } from './health-indicators';
import { HEALTH_SUMMARIES, summaryResult, type HealthSummary } from './health-summary';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisAndWorker: RedisAndWorkerIndicators,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_SUMMARIES) private readonly summaries: HealthSummary[],
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Database, Redis and worker heartbeat: 200 when all are up, 503 naming what is down; ' +
      'with the counts of watches blocked by bot walls and unhealthy',
  })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.redisAndWorker.redisIsUp(),
      () => this.redisAndWorker.workerIsAlive(),
      ...this.summaries.map((summary) => () => summaryResult(this.indicators, summary)),
    ]);
  }
}
