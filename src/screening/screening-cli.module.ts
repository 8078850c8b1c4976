import { DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ImportModule } from '../import/import.module';
import { ScreeningModule } from './screening.module';

/**
 * Screening imports from the CLI: the catalogue import's infrastructure (the caller's data source, captures
 * left in the archive's outbox, no Redis or HTTP) with the screening module on top.
 */
@Module({})
export class ScreeningCliModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return { module: ScreeningCliModule, imports: [ImportModule.forDataSource(dataSource), ScreeningModule] };
  }
}
