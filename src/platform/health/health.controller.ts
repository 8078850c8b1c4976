import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/public-route';
import { RedisAndWorkerIndicators } from './health-indicators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisAndWorker: RedisAndWorkerIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Database, Redis and worker heartbeat: 200 when all are up, 503 naming what is down',
  })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.redisAndWorker.redisIsUp(),
      () => this.redisAndWorker.workerIsAlive(),
    ]);
  }
}
