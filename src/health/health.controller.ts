import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { RedisAndWorkerIndicators } from './health-indicators';
import { WatchAttentionIndicator } from './watch-attention-indicator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisAndWorker: RedisAndWorkerIndicators,
    private readonly watchAttention: WatchAttentionIndicator,
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
      () => this.watchAttention.watchesNeedingAttention(),
    ]);
  }
}
