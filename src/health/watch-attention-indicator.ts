import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { WatchesService } from '../monitoring/watches/watches.service';

/**
 * The monitor's summary for admins: how many active watches are blocked by bot walls and how many are
 * unhealthy. Always up: a brand's CDN walling us is something to look at, not the service being down.
 */
@Injectable()
export class WatchAttentionIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly watches: WatchesService,
  ) {}

  async watchesNeedingAttention(key = 'watches'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      return indicator.up(await this.watches.attentionCounts());
    } catch (error: unknown) {
      // The database indicator reports the outage; this summary just has nothing to say.
      return indicator.up({ message: `not counted: ${(error as Error).message}` });
    }
  }
}
