import { Injectable } from '@nestjs/common';
import type { HealthSummary } from '../../platform/health/health-summary';
import { WatchesService } from './watches.service';

/**
 * The monitor's line on /health: how many active watches are blocked by bot walls and how many are
 * unhealthy. A brand's CDN walling us is something to look at, not the service being down.
 */
@Injectable()
export class WatchAttentionSummary implements HealthSummary {
  readonly key = 'watches';

  constructor(private readonly watches: WatchesService) {}

  summarise(): Promise<Record<string, unknown>> {
    return this.watches.attentionCounts();
  }
}
