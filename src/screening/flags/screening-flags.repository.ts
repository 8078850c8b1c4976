import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScreeningFlag } from './screening-flag.entity';

/** The only door to screening_flags for reads (flags are written in the screening's transaction). */
@Injectable()
export class ScreeningFlagsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset on (created_at, id) (idx_screening_flags_created), with brand and entry joined. */
  async page(
    before: { at: string; id: string } | null,
    limit: number,
  ): Promise<Array<{ flag: ScreeningFlag; cursorAt: string }>> {
    const query = this.dataSource
      .getRepository(ScreeningFlag)
      .createQueryBuilder('flag')
      .innerJoinAndSelect('flag.brand', 'brand')
      .innerJoinAndSelect('flag.entry', 'entry');
    if (before) query.where('(flag.created_at, flag.id) < (:at::timestamptz, :id::uuid)', before);
    const { entities, raw } = await query
      .addSelect(`to_char(flag.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .orderBy('flag.created_at', 'DESC')
      .addOrderBy('flag.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    return entities.map((flag, index) => ({ flag, cursorAt: raw[index].cursor_at }));
  }
}
