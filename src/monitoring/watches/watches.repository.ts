import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { toPage, type Page } from '../../platform/pagination/page';
import { Watch, type WatchHealth } from './watch.entity';

export interface WatchFilter {
  brandId?: string;
  active?: boolean;
  health?: WatchHealth;
}

/** What a job scheduler needs to know about a watch. */
export interface ScheduledWatch {
  id: string;
  intervalMinutes: number;
  scheduleOffsetMs: number;
}

/** The only door to the watches table. */
@Injectable()
export class WatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Watch | null> {
    return manager.getRepository(Watch).findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<Watch[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Watch).findBy({ id: In(ids) });
  }

  /** Locks the watch for the rest of `manager`'s transaction: checks of one watch record one at a time. */
  lockById(id: string, manager: EntityManager): Promise<Watch | null> {
    return manager
      .getRepository(Watch)
      .createQueryBuilder('watch')
      .setLock('pessimistic_write')
      .where('watch.id = :id', { id })
      .getOne();
  }

  /** Newest first; served by idx_watches_brand / idx_watches_active / idx_watches_health when filtered. */
  async page(filter: WatchFilter, cursor: string | undefined, limit: number): Promise<Page<Watch>> {
    const builder = this.dataSource.getRepository(Watch).createQueryBuilder('watch');
    if (filter.brandId) builder.andWhere('watch.brandId = :brandId', filter);
    if (filter.active !== undefined) builder.andWhere('watch.active = :active', filter);
    if (filter.health) builder.andWhere('watch.health = :health', filter);
    if (cursor) {
      const after = decodeCursor(cursor, ['createdAt', 'id'] as const);
      builder.andWhere('(watch.createdAt, watch.id) < (:createdAt, :id)', after);
    }
    const rows = await builder
      .orderBy('watch.createdAt', 'DESC')
      .addOrderBy('watch.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ createdAt: row.createdAt.toISOString(), id: row.id }),
      (row) => row,
    );
  }

  /** The brand's other active watches of one statement group (idx_watches_statement_group). */
  groupMembers(watch: Watch, manager: EntityManager): Promise<Watch[]> {
    return manager.getRepository(Watch).find({
      where: { brandId: watch.brandId, statementGroup: watch.statementGroup ?? '', active: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** Active watches that need an admin: walled for a run of checks, or failing for a run (the health summary). */
  async attentionCounts(): Promise<{ blocked: number; unhealthy: number }> {
    const [row] = await this.dataSource.query<Array<{ blocked: number; unhealthy: number }>>(
      `SELECT count(*) FILTER (WHERE blocked_since IS NOT NULL)::int AS blocked,
              count(*) FILTER (WHERE health = 'unhealthy')::int AS unhealthy
       FROM watches WHERE active`,
    );
    return row;
  }

  /** Every active watch's schedule (20k rows of three columns: one query, no paging needed). */
  activeSchedules(): Promise<ScheduledWatch[]> {
    return this.dataSource
      .getRepository(Watch)
      .find({ select: ['id', 'intervalMinutes', 'scheduleOffsetMs'], where: { active: true } });
  }

  /**
   * Stores a "check now" (Postgres's clock, so every API replica agrees) in the caller's transaction;
   * returns its time, or null when there is no such watch.
   */
  async markCheckRequested(id: string, manager: EntityManager): Promise<Date | null> {
    const result = await manager
      .createQueryBuilder()
      .update(Watch)
      .set({ checkRequestedAt: () => 'now()' })
      .where('id = :id', { id })
      .returning('check_requested_at')
      .execute();
    const rows = result.raw as Array<{ check_requested_at: Date }>;
    return rows[0]?.check_requested_at ?? null;
  }

  /** Watches, paused or not, with a requested check that no check has finished since. */
  async unansweredCheckRequests(): Promise<Array<{ id: string; requestedAt: Date }>> {
    const rows = await this.dataSource.query<Array<{ id: string; requested_at: Date }>>(
      `SELECT id, check_requested_at AS requested_at FROM watches
        WHERE check_requested_at > coalesce(last_checked_at, '-infinity')`,
    );
    return rows.map((row) => ({ id: row.id, requestedAt: row.requested_at }));
  }

  /**
   * Active watches whose last check (or creation) is older than `lateFactor` intervals: their scheduled
   * check was lost (Redis lost its data, say) and reconcile queues one at once.
   */
  async overdue(minuteMs: number, lateFactor: number): Promise<ScheduledWatch[]> {
    const rows = await this.dataSource.query<Array<{ id: string; interval_minutes: number; offset: number }>>(
      `SELECT id, interval_minutes, schedule_offset_ms AS offset FROM watches
        WHERE active
          AND coalesce(last_checked_at, created_at)
              < now() - make_interval(secs => interval_minutes * $1::float8 / 1000 * $2::float8)`,
      [minuteMs, lateFactor],
    );
    return rows.map((row) => ({
      id: row.id,
      intervalMinutes: row.interval_minutes,
      scheduleOffsetMs: row.offset,
    }));
  }
}
