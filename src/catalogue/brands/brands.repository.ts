import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource, DeepPartial, EntityManager, In } from 'typeorm';
import { containsPattern } from '../companies/search-pattern';
import { ReviewStatus } from '../../kernel/review/review-status';
import { Brand } from './brand.entity';
import { brandExportSql, type BrandExportRow } from './brand-export.sql';
import { today } from '../../kernel/dates/today';
import { brandFacetsSql, type BrandFacetRow } from './brand-facets.sql';
import {
  brandPageSql,
  type AsOfSource,
  type BrandSearchFilter,
  type BrandSearchRow,
  type SqlStatement,
} from './brand-search.sql';

/** Rows an export fetches per round trip: enough to keep Postgres busy, little enough to stay light. */
const EXPORT_BATCH_ROWS = 1000;

/**
 * The only door to the brands table: single-brand lookups and writes, the campaigner list and facets
 * (SQL in brand-search.sql.ts), and the export stream (brand-export.sql.ts).
 */
@Injectable()
export class BrandsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A brand (with its company) by slug, or by id when the reference is a UUID. */
  findByRef(ref: string, manager: EntityManager = this.dataSource.manager): Promise<Brand | null> {
    const builder = manager
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .leftJoinAndSelect('brand.company', 'company')
      .where('brand.slug = :ref', { ref });
    if (UUID.test(ref)) builder.orWhere('brand.id = CAST(:refId AS uuid)', { refId: ref });
    return builder.getOne();
  }

  /** Inserts a new brand inside `manager`'s transaction. */
  insert(manager: EntityManager, fields: DeepPartial<Brand>): Promise<Brand> {
    const repository = manager.getRepository(Brand);
    return repository.save(repository.create(fields));
  }

  /** Writes an edited brand (locked with lockById) inside `manager`'s transaction. */
  async save(manager: EntityManager, brand: Brand): Promise<void> {
    await manager.getRepository(Brand).save(brand);
  }

  /** Brands by id; no visibility rule. */
  findByIds(ids: string[]): Promise<Brand[]> {
    return this.dataSource.getRepository(Brand).findBy({ id: In([...new Set(ids)]) });
  }

  /** Brands waiting for review, oldest submission first. */
  submitted(limit: number): Promise<Brand[]> {
    return this.dataSource.getRepository(Brand).find({
      where: { status: ReviewStatus.Submitted },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Locks the brand row for an edit inside `manager`'s transaction. */
  lockById(id: string, manager: EntityManager): Promise<Brand> {
    return manager
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .setLock('pessimistic_write')
      .where('brand.id = :id', { id })
      .getOneOrFail();
  }

  /**
   * Brands whose name or an alias equals `name`, ignoring case; the trigram index narrows, the exact
   * comparison decides:
   *   WHERE catalogue_search_text(name, aliases) LIKE '%<name>%'
   *     AND (lower(name) = lower($1) OR lower($1) = ANY (SELECT lower(a) FROM unnest(aliases) a))
   */
  findByNameOrAlias(name: string): Promise<Brand[]> {
    return this.dataSource
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .leftJoinAndSelect('brand.company', 'company')
      .where('catalogue_search_text(brand.name, brand.aliases) LIKE :pattern', {
        pattern: containsPattern(name),
      })
      .andWhere(
        '(lower(brand.name) = lower(:name) OR lower(:name) = ANY (SELECT lower(alias) FROM unnest(brand.aliases) alias))',
        { name: name.trim() },
      )
      .orderBy('brand.slug')
      .getMany();
  }

  /** The campaigner list: up to `limit + 1` rows after `afterSlug`, so the caller knows whether more exist. */
  page(filter: BrandSearchFilter, afterSlug: string | undefined, limit: number): Promise<BrandSearchRow[]> {
    return this.withoutJit<BrandSearchRow[]>(brandPageSql(filter, afterSlug, limit + 1, sourceFor(filter)));
  }

  async facets(filter: BrandSearchFilter): Promise<BrandFacetRow> {
    const [row] = await this.withoutJit<BrandFacetRow[]>(brandFacetsSql(filter, sourceFor(filter)));
    return row;
  }

  /**
   * Recomputes the standings that no longer hold today (a recorded date passed), so today's readers find
   * them ready; readers never depend on it having run (brand-standing.sql.ts). Returns how many it refreshed.
   */
  async refreshExpiredStandings(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ refreshed: number }>>(
      `WITH expired AS (
         SELECT array_agg(id) AS ids FROM brand_standings WHERE valid_until <= $1::date OR computed_on > $1::date)
       SELECT coalesce(cardinality(ids), 0) AS refreshed, refresh_brand_standings(ids, $1::date) FROM expired`,
      [today()],
    );
    return row.refreshed;
  }

  /** Every brand matching the filters, streamed on a pooled connection held only while the rows flow. */
  async *exportRows(filter: BrandSearchFilter): AsyncGenerator<BrandExportRow> {
    const { text, values } = brandExportSql(filter);
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    const stream = client.query(new QueryStream(text, values, { batchSize: EXPORT_BATCH_ROWS }));
    try {
      for await (const row of stream) yield row as BrandExportRow;
    } finally {
      stream.destroy();
      await runner.release();
    }
  }

  /**
   * Runs the statement with Postgres's JIT compiler off. The planner's cost for these statements passes
   * jit_above_cost at 100k brands (a page for a rare sector walks the slug index), and compiling then
   * takes 60-2000 ms for a query that runs in 5-200 ms (bench/catalogue.bench.ts). SET LOCAL needs a
   * transaction; it ends with it.
   */
  private withoutJit<T>(statement: SqlStatement): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return manager.query<T>(statement.text, statement.values);
    });
  }
}

/** Today's lists and facets read brand_standings; other days recompute the as-of rule (brand-search.sql.ts). */
function sourceFor(filter: BrandSearchFilter): AsOfSource {
  return filter.asOf === today() ? 'standings' : 'recomputed';
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
