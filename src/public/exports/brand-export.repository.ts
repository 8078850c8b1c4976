import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { BrandSearchFilter } from '../../catalogue/brands/brand-search.sql';
import { brandExportSql, type BrandExportRow } from './brand-export.sql';

/** Rows fetched per round trip: large enough to keep Postgres busy, small enough to stay light in memory. */
const BATCH_ROWS = 1000;

/** Streams the export query on a pooled connection held only while the rows flow. */
@Injectable()
export class BrandExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async *rows(filter: BrandSearchFilter): AsyncGenerator<BrandExportRow> {
    const { text, values } = brandExportSql(filter);
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    const stream = client.query(new QueryStream(text, values, { batchSize: BATCH_ROWS }));
    try {
      for await (const row of stream) yield row as BrandExportRow;
    } finally {
      stream.destroy();
      await runner.release();
    }
  }
}
