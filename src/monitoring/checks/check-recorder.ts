import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { compareVersions } from '../../../scrapers';
import { BrandsService } from '../../catalogue/brands/brands.service';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { recordFlagForWebhooks } from '../../webhooks/webhook-outbox';
import { WebhookScheduler } from '../../webhooks/webhook-scheduler';
import type { Flag } from '../flags/flag.entity';
import { FlagWriter } from '../flags/flag-writer';
import { Watch, type WatchHealth } from '../watches/watch.entity';
import { WatchesRepository } from '../watches/watches.repository';
import { contentHash } from './content-hash';
import { checkLanguageGroup } from './language-group-check';
import type { FetchedPage } from './page-fetch';
import { pageGoneVerdict } from './page-verdict';
import { SnapshotStore } from './snapshot-store';
import type { CheckOutcome } from './watch-check.entity';
import { insertWatchCheck, type CheckContext } from './watch-check-row';

export type { CheckContext } from './watch-check-row';

/** A page the site really served ends a run of bot walls (issue 16). */
const NOT_BLOCKED: Pick<Watch, 'consecutiveBlocks' | 'blockedSince' | 'blockedBy'> = {
  consecutiveBlocks: 0,
  blockedSince: null,
  blockedBy: null,
};

/**
 * Writes what a check found, all in one transaction under a lock on the watch row: the snapshot, the flag,
 * the watch's state and the check's history row commit together or not at all, and two checks of one
 * watch record one after the other (the second sees the first's snapshot and records "unchanged").
 */
@Injectable()
export class CheckRecorder {
  private readonly logger = new Logger(CheckRecorder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesRepository,
    private readonly brands: BrandsService,
    private readonly webhooks: WebhookScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recordResult(context: CheckContext, fetched: FetchedPage): Promise<CheckOutcome | 'skipped'> {
    const raised: Flag[] = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      const watch = await this.watches.lockById(context.watchId, manager);
      if (!watch) return 'skipped';
      const outcome = await this.judge(manager, watch, fetched, raised);
      const { result } = fetched;
      Object.assign(watch, this.healthy(), NOT_BLOCKED, {
        lastCheckedAt: new Date(),
        lastSuccessAt: new Date(),
        // Validators only describe what plain HTTP served; a browser check must never be answered by a 304.
        ...(result.via === 'http' && !watch.goneSince
          ? { etag: result.etag ?? null, lastModified: result.lastModified ?? null }
          : { etag: null, lastModified: null }),
      });
      await manager.getRepository(Watch).save(watch);
      await insertWatchCheck(manager, context, {
        outcome: outcome.outcome,
        httpStatus: result.status,
        via: result.via,
        snapshotId: outcome.snapshotId ?? null,
      });
      return outcome.outcome;
    });
    await this.enqueueWebhooks(raised);
    return outcome;
  }

  /** A failed check: counts towards unhealthy; a success resets the count. */
  async recordFailure(context: CheckContext, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const watch = await this.watches.lockById(context.watchId, manager);
      if (!watch) return;
      watch.consecutiveFailures += 1;
      watch.health = this.healthOf(watch.consecutiveFailures);
      watch.lastError = error.slice(0, 2000);
      watch.lastCheckedAt = new Date();
      await manager.getRepository(Watch).save(watch);
      await insertWatchCheck(manager, context, { outcome: 'failed', error: watch.lastError });
    });
  }

  private async judge(
    manager: EntityManager,
    watch: Watch,
    { result, page }: FetchedPage,
    raised: Flag[],
  ): Promise<{ outcome: CheckOutcome; snapshotId?: string }> {
    if (!page) return { outcome: 'unchanged' }; // 304 Not Modified
    const store = new SnapshotStore(manager);
    const flags = new FlagWriter(manager);
    const current = watch.currentSnapshotId ? await store.findById(watch.currentSnapshotId) : null;
    const previousPage = current ? await store.page(current) : undefined;
    const gone = pageGoneVerdict(result, page, previousPage);
    if (gone) {
      watch.goneSince ??= new Date();
      await this.announce(manager, watch, await flags.raisePageGone(watch, gone), raised);
      return { outcome: 'gone' };
    }
    const returned = watch.goneSince !== null;
    if (returned) {
      watch.goneSince = null;
      await flags.markReturned(watch.id);
    }
    const hash = contentHash(page);
    if (current?.contentHash === hash) return { outcome: returned ? 'returned' : 'unchanged' };
    const snapshot = await store.save(watch.id, hash, result, page);
    if (current && previousPage) {
      const diff = compareVersions(
        { ...previousPage, status: current.httpStatus },
        { ...page, status: result.status },
      );
      await this.announce(
        manager,
        watch,
        await flags.raiseChange(watch, current.id, snapshot.id, diff),
        raised,
      );
    }
    watch.currentSnapshotId = snapshot.id;
    const mismatch = await checkLanguageGroup(manager, this.watches, {
      watch,
      snapshotId: snapshot.id,
      page,
    });
    await this.announce(manager, watch, mismatch, raised);
    return { outcome: returned ? 'returned' : 'changed', snapshotId: snapshot.id };
  }

  /** Records the webhooks' outbox rows for a new flag in the flag's own transaction. */
  private async announce(
    manager: EntityManager,
    watch: Watch,
    flag: Flag | undefined,
    raised: Flag[],
  ): Promise<void> {
    if (!flag) return;
    raised.push(flag);
    const brand = await this.brands.findByRef(watch.brandId, manager);
    await recordFlagForWebhooks(manager, {
      flagId: flag.id,
      significance: flag.significance,
      brand: { slug: brand?.slug ?? '', name: brand?.name ?? '' },
      url: watch.url,
      terms: flag.terms,
      summary: flag.reasons[0],
      reviewUrl: `/review/flags/${flag.id}`,
      raisedAt: flag.createdAt.toISOString(),
    });
  }

  /** After the commit; if Redis is away, the webhooks' reconcile pass enqueues the deliveries later. */
  private async enqueueWebhooks(flags: Flag[]): Promise<void> {
    for (const flag of flags) {
      await this.webhooks.enqueueForFlag(flag.id).catch((error: unknown) => {
        this.logger.warn(`Webhooks for flag ${flag.id} left to reconcile: ${(error as Error).message}`);
      });
    }
  }

  private healthy(): Pick<Watch, 'health' | 'consecutiveFailures' | 'lastError'> {
    return { health: 'healthy', consecutiveFailures: 0, lastError: null };
  }

  private healthOf(failures: number): WatchHealth {
    if (failures === 0) return 'healthy';
    return failures >= this.config.monitoring.unhealthyAfterFailures ? 'unhealthy' : 'failing';
  }
}
