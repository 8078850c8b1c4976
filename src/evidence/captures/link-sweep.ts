import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, LessThanOrEqual } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { addJob } from '../../platform/queues/add-job';
import { QueueName } from '../../platform/queues/queue-catalogue';
import { LinkHealth } from './link-health.entity';

/** Checks enqueued per sweep; the rest wait for the next sweep (they stay due). */
const SWEEP_BATCH = 1000;

export function linkCheckJobId(evidenceId: string, due: Date): string {
  return `link:${evidenceId}:${due.getTime()}`;
}

/**
 * Enqueues the link checks that are due. The jobId holds the due time, so sweeps that overlap (several
 * workers, timer and scheduler) add each check once. Checks of the same host are spread out by the
 * monitor's per-host spacing, so a brand's site never sees a burst from us.
 */
@Injectable()
export class LinkSweep {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Captures) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(LinkHealth).find({
      select: { evidenceId: true, url: true, nextCheckAt: true },
      where: { nextCheckAt: LessThanOrEqual(now) },
      order: { nextCheckAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    const perHost = new Map<string, number>();
    for (const link of due) {
      const host = hostOf(link.url);
      const position = perHost.get(host) ?? 0;
      perHost.set(host, position + 1);
      await addJob(
        this.queue,
        'check-link',
        { evidenceId: link.evidenceId },
        {
          jobId: linkCheckJobId(link.evidenceId, link.nextCheckAt),
          delay: position * this.config.monitoring.hostMinDelayMs,
          attempts: 2,
        },
      );
    }
    return due.length;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
