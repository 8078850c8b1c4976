import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BotWall } from '../../../scrapers';
import { BrandsService } from '../../catalogue/brands/brands.service';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { recordWatchBlockedForWebhooks } from '../../webhooks/webhook-outbox';
import { WebhookScheduler } from '../../webhooks/webhook-scheduler';
import { Watch } from '../watches/watch.entity';
import { WatchesRepository } from '../watches/watches.repository';
import type { FetchedPage } from './page-fetch';
import { insertWatchCheck, type CheckContext } from './watch-check-row';

/**
 * Checks whose answer says nothing about the page's text: a bot wall (`blocked`) or a PDF without a text layer
 * (`unreadable`). Neither is a change nor a reviewer's flag: the last good snapshot stays current, the check
 * is recorded with why, and a run of walls marks the watch blocked for admins, with a `watch.blocked` webhook.
 */
@Injectable()
export class KeptSnapshotRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesRepository,
    private readonly brands: BrandsService,
    private readonly webhooks: WebhookScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns whether the watch is (now) marked blocked, or 'skipped' when it no longer exists. */
  async recordBlocked(context: CheckContext, { result }: FetchedPage, wall: BotWall) {
    let announcement: string | undefined;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const watch = await this.watches.lockById(context.watchId, manager);
      if (!watch) return 'skipped' as const;
      watch.consecutiveBlocks += 1;
      watch.blockedBy = wall.vendor;
      watch.lastCheckedAt = new Date();
      if (!watch.blockedSince && watch.consecutiveBlocks >= this.config.monitoring.blockedAfterChecks) {
        watch.blockedSince = new Date();
        const brand = await this.brands.findByRef(watch.brandId, manager);
        announcement = await recordWatchBlockedForWebhooks(manager, {
          watchId: watch.id,
          brand: { slug: brand?.slug ?? '', name: brand?.name ?? '' },
          url: watch.url,
          vendor: wall.vendor,
          reason: wall.reason,
          blockedChecks: watch.consecutiveBlocks,
          blockedSince: watch.blockedSince.toISOString(),
        });
      }
      await manager.getRepository(Watch).save(watch);
      await insertWatchCheck(manager, context, {
        outcome: 'blocked',
        httpStatus: result.status,
        via: result.via,
        blockedBy: wall.vendor,
        error: wall.reason.slice(0, 2000),
      });
      return watch.blockedSince ? ('blocked-watch' as const) : ('blocked' as const);
    });
    // After the commit; the webhooks' reconcile pass enqueues the deliveries if Redis is away now.
    if (announcement) await this.webhooks.enqueueForFlag(announcement);
    return outcome;
  }

  /** A PDF without text (scanned pages): not "statement removed", just nothing we can read this time. */
  async recordUnreadable(context: CheckContext, { result }: FetchedPage, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const watch = await this.watches.lockById(context.watchId, manager);
      if (!watch) return;
      watch.lastCheckedAt = new Date();
      await manager.getRepository(Watch).save(watch);
      await insertWatchCheck(manager, context, {
        outcome: 'unreadable',
        httpStatus: result.status,
        via: result.via,
        error: reason,
      });
    });
  }
}

/** Why a fetched page cannot be read, when it cannot: today, a PDF whose pages carry no text layer. */
export function unreadableReason({ result, page }: FetchedPage): string | undefined {
  if (result.kind !== 'pdf' || !page || page.mainText.trim().length > 0) return undefined;
  return 'the PDF has no text layer (scanned or image-only pages)';
}
