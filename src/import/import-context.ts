import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { CatalogueImporter } from './catalogue-importer';
import { ImportModule } from './import.module';

export interface ImportContext {
  importer: CatalogueImporter;
  /** Closes the Nest context; the data source stays open (it is the caller's). */
  close(): Promise<void>;
}

/** Boots the importer (a Nest application context, no HTTP) on the caller's data source. */
export async function openImportContext(dataSource: DataSource): Promise<ImportContext> {
  const context = await NestFactory.createApplicationContext(ImportModule.forDataSource(dataSource), {
    logger: ['error', 'warn'],
  });
  return { importer: context.get(CatalogueImporter), close: () => context.close() };
}
