import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { toPage, type Page } from '../../platform/pagination/page';
import { Flag, type FlagSignificance, type FlagStatus } from './flag.entity';

export interface FlagFilter {
  status?: FlagStatus;
  significance?: FlagSignificance;
  brandId?: string;
}

/** The only door to the flags table outside a check's transaction. */
@Injectable()
export class FlagsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Flag | null> {
    return manager.getRepository(Flag).findOne({ where: { id } });
  }

  lockById(id: string, manager: EntityManager): Promise<Flag | null> {
    return manager
      .getRepository(Flag)
      .createQueryBuilder('flag')
      .setLock('pessimistic_write')
      .where('flag.id = :id', { id })
      .getOne();
  }

  /** Newest first: idx_flags_status_created serves the triage queue, idx_flags_brand_created a brand's. */
  async page(filter: FlagFilter, cursor: string | undefined, limit: number): Promise<Page<Flag>> {
    const builder = this.dataSource.getRepository(Flag).createQueryBuilder('flag');
    if (filter.status) builder.andWhere('flag.status = :status', filter);
    if (filter.significance) builder.andWhere('flag.significance = :significance', filter);
    if (filter.brandId) builder.andWhere('flag.brandId = :brandId', filter);
    if (cursor) {
      const after = decodeCursor(cursor, ['createdAt', 'id'] as const);
      builder.andWhere('(flag.createdAt, flag.id) < (:createdAt, :id)', after);
    }
    const rows = await builder
      .orderBy('flag.createdAt', 'DESC')
      .addOrderBy('flag.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ createdAt: row.createdAt.toISOString(), id: row.id }),
      (row) => row,
    );
  }
}
