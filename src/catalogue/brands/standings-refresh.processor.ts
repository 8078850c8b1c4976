import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { HandlesJobs } from '../../platform/queues/job-handlers';
import { type JobName, QueueName } from '../../platform/queues/queue-catalogue';
import { BrandsService } from './brands.service';

export const STANDINGS_REFRESH_SCHEDULER_ID = 'refresh-brand-standings';
/** Five past midnight UTC, when "today" (kernel/dates/today.ts) has just moved. */
const DAILY_AFTER_MIDNIGHT = { pattern: '5 0 * * *', tz: 'UTC' };

/**
 * The daily refresh of brand_standings: rows whose recorded day has passed are recomputed so that today's
 * readers find them ready. Readers recompute such rows inline anyway, so a missed or late run costs time,
 * never a wrong answer; the refresh is idempotent, so a run twice in a day finds nothing to do. The
 * scheduler is upserted at every worker start, so a Redis that lost its data gets it back.
 */
@Processor(QueueName.Catalogue)
@HandlesJobs(QueueName.Catalogue, ['refresh-brand-standings'])
export class StandingsRefreshProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(StandingsRefreshProcessor.name);

  constructor(
    private readonly brands: BrandsService,
    @InjectQueue(QueueName.Catalogue) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(STANDINGS_REFRESH_SCHEDULER_ID, DAILY_AFTER_MIDNIGHT, {
      name: 'refresh-brand-standings',
      data: {},
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    });
  }

  async process(job: Job<unknown, unknown, JobName>): Promise<number> {
    const refreshed = await this.brands.refreshExpiredStandings();
    if (refreshed > 0) this.logger.log(`Refreshed ${refreshed} brand standing(s) for ${job.name}`);
    return refreshed;
  }
}
