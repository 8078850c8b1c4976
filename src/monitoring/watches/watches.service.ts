import { Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page';
import { DEFAULT_INTERVAL_MINUTES, type CreateWatchDto } from '../dto/create-watch.dto';
import type { ListWatchesQueryDto } from '../dto/list-watches-query.dto';
import { toWatchView } from '../dto/watch.view';
import { checkJobId, requestedCheckSlot } from '../schedule/job-ids';
import { ScheduleService } from '../schedule/schedule.service';
import { WatchUrlVetter } from './watch-url-vetter';
import { Watch } from './watch.entity';
import { WatchesRepository } from './watches.repository';

/**
 * Watches: create, list, pause, resume, check now. Postgres is written first, in a transaction with its
 * audit entry; Redis (the schedule) after the commit. If Redis is away at that moment the reconcile pass
 * puts the schedule right within a minute, so a write never fails because of Redis.
 */
@Injectable()
export class WatchesService {
  private readonly logger = new Logger(WatchesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesRepository,
    private readonly brands: BrandsService,
    private readonly vetter: WatchUrlVetter,
    private readonly schedules: ScheduleService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateWatchDto, actor: AuthenticatedUser): Promise<Watch> {
    const url = await this.vetter.vet(input.url);
    const brand = await this.brands.findByRef(input.brand);
    if (!brand) throw invalidBrand(input.brand);
    const intervalMinutes = input.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
    const watch = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Watch);
      const saved = await repository.save(
        repository.create({
          brandId: brand.id,
          url,
          selector: input.selector?.trim() || null,
          intervalMinutes,
          needsBrowser: input.needsBrowser ?? false,
          language: input.language ?? null,
          statementGroup: input.statementGroup ?? null,
          active: true,
          // A random place in the interval spreads 20k daily checks over the day instead of at midnight.
          scheduleOffsetMs: randomInt(intervalMinutes * 60_000),
          createdById: actor.id,
          // Millisecond precision (not now()'s microseconds), so keyset cursors round-trip exactly.
          createdAt: new Date(),
        }),
      );
      await this.record(manager, actor, 'watch.create', saved, null);
      return saved;
    });
    await this.afterCommit('schedule', async () => {
      await this.schedules.schedule(watch);
      // The first check stores the baseline snapshot without waiting a whole interval.
      await this.schedules.queueCheck(watch.id, 'first');
    });
    return watch;
  }

  /** How many active watches are blocked by bot walls or unhealthy, for /health. */
  attentionCounts(): Promise<{ blocked: number; unhealthy: number }> {
    return this.watches.attentionCounts();
  }

  async get(id: string): Promise<Watch> {
    const watch = await this.watches.findById(id);
    if (!watch) throw notFound(id);
    return watch;
  }

  async list(query: ListWatchesQueryDto): Promise<Page<Watch>> {
    let brandId: string | undefined;
    if (query.brand) {
      const brand = await this.brands.findByRef(query.brand);
      if (!brand) return { items: [], nextCursor: null };
      brandId = brand.id;
    }
    return this.watches.page(
      { brandId, active: query.active, health: query.health },
      query.cursor,
      query.limit ?? DEFAULT_PAGE_SIZE,
    );
  }

  async pause(id: string, actor: AuthenticatedUser): Promise<Watch> {
    const watch = await this.setActive(id, false, actor);
    await this.afterCommit('unschedule', () => this.schedules.unschedule(id));
    return watch;
  }

  async resume(id: string, actor: AuthenticatedUser): Promise<Watch> {
    const watch = await this.setActive(id, true, actor);
    await this.afterCommit('schedule', () => this.schedules.schedule(watch));
    return watch;
  }

  /**
   * Queues a check at once; a paused watch is checked too (a researcher asked for it). The request is
   * stored with its audit entry first, like a schedule: if Redis is away or later loses the job, reconcile
   * queues it again (same job id) until a check has finished after it.
   */
  async checkNow(id: string, actor: AuthenticatedUser): Promise<{ jobId: string }> {
    const slot = await this.dataSource.transaction(async (manager) => {
      const requestedAt = await this.watches.markCheckRequested(id, manager);
      if (!requestedAt) throw notFound(id);
      const requested = requestedCheckSlot(requestedAt);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'watch.check',
        entityType: 'watch',
        entityId: id,
        before: null,
        after: { jobId: checkJobId(id, requested) },
      });
      return requested;
    });
    await this.afterCommit('queue the check', async () => {
      await this.schedules.queueCheck(id, slot);
    });
    return { jobId: checkJobId(id, slot) };
  }

  private async setActive(id: string, active: boolean, actor: AuthenticatedUser): Promise<Watch> {
    return this.dataSource.transaction(async (manager) => {
      const watch = await this.watches.lockById(id, manager);
      if (!watch) throw notFound(id);
      if (watch.active === active) return watch;
      const before = { ...watch };
      watch.active = active;
      const saved = await manager.getRepository(Watch).save(watch);
      await this.record(manager, actor, active ? 'watch.resume' : 'watch.pause', saved, before);
      return saved;
    });
  }

  private record(
    manager: Parameters<AuditService['record']>[0],
    actor: AuthenticatedUser,
    action: string,
    after: Watch,
    before: Watch | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: actor.id,
      action,
      entityType: 'watch',
      entityId: after.id,
      before: before ? toWatchView(before) : null,
      after: toWatchView(after),
    });
  }

  private async afterCommit(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`Could not ${what} now (reconcile will): ${(error as Error).message}`);
    }
  }
}

function notFound(id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `No watch ${id}`);
}

function invalidBrand(ref: string): DomainError {
  const reason = `brand ${ref} does not exist`;
  return new DomainError(DomainErrorCode.InvalidInput, reason, [{ field: 'brand', reasons: [reason] }]);
}
