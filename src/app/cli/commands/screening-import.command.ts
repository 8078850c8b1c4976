import { NestFactory } from '@nestjs/core';
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../platform/http/errors/domain-error';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';
import { startProgress } from '../../../import/progress';
import type { RefusedRow } from '../../../screening/lists/list-import-rejected';
import { ScreeningCliModule } from '../../../screening/screening-cli.module';
import { ScreeningImportsService } from '../../../screening/screening-imports.service';

interface EntitiesOptions {
  list: string;
  name?: string;
}

interface SuppliersOptions {
  brand: string;
  publishedOn: string;
  sourceUrl?: string;
}

/**
 * `screening-import entities --list SLUG FILE` and `screening-import suppliers --brand SLUG --published-on
 * DATE [--source-url URL] FILE` (docs/screening.md): loads a list as the system, whole or not at all, then
 * screens what changed. Files are streamed (any size), with a progress bar on long ones; refused rows go to
 * stderr by line and the exit code is 1.
 */
export function registerScreeningImportCommand(program: Command): void {
  const command = program.command('screening-import').description('Import an entity list or a supplier list');
  command
    .command('entities')
    .argument(
      '<file>',
      'CSV: entity_id,name,aliases,name_zh,address,country,list_section,added_on,source_url',
    )
    .requiredOption('--list <slug>', 'the entity list, e.g. uflpa')
    .option('--name <name>', "the list's name, on its first import")
    .action(async (file: string, options: EntitiesOptions) => {
      await withImports(file, async (imports, onProgress) => {
        const report = await imports.entityList(options.list, options.name ?? options.list, file, {
          actor: null,
          onProgress,
        });
        return `entity list ${report.list}: ${report.rows} rows, ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged; ${report.candidatesAdded} screening candidates added`;
      });
    });
  command
    .command('suppliers')
    .argument('<file>', 'CSV: supplier_id,name,address,country[,os_id]')
    .requiredOption('--brand <slug>', 'the brand whose list it is')
    .requiredOption('--published-on <date>', 'when the brand published it (YYYY-MM-DD)')
    .option('--source-url <url>', 'where the brand published it (logged as evidence)')
    .action(async (file: string, options: SuppliersOptions) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.publishedOn))
        throw new Error('--published-on must be YYYY-MM-DD');
      await withImports(file, async (imports, onProgress) => {
        const input = {
          brand: options.brand,
          publishedOn: options.publishedOn,
          sourceUrl: options.sourceUrl,
        };
        const report = await imports.supplierList(input, file, { actor: null, onProgress });
        const version = report.created ? 'new version' : 'same file as before, unchanged';
        return `supplier list of ${report.brand}: ${report.facilities} facilities (${version}), ${report.changedSupplierIds.length} new or changed; ${report.candidatesAdded} screening candidates added`;
      });
    });
}

async function withImports(
  file: string,
  work: (imports: ScreeningImportsService, onProgress: (bytes: number) => void) => Promise<string>,
): Promise<void> {
  const size = statSync(file).size;
  const dataSource = await new DataSource(buildDataSourceOptions(loadAppConfig().databaseUrl)).initialize();
  const progress = startProgress(size, process.stderr);
  try {
    const context = await NestFactory.createApplicationContext(ScreeningCliModule.forDataSource(dataSource), {
      logger: ['error', 'warn'],
    });
    try {
      const summary = await work(context.get(ScreeningImportsService), (bytes) => progress.update(bytes));
      progress.stop();
      process.stdout.write(`${summary}\n`);
    } catch (error: unknown) {
      progress.stop();
      const rows = refusedRows(error);
      if (!rows) throw error;
      for (const row of rows) process.stderr.write(`${file}: line ${row.line}: ${row.reason}\n`);
      process.stderr.write(`${file}: nothing imported\n`);
      process.exitCode = 1;
    } finally {
      await context.close();
    }
  } finally {
    progress.stop();
    await dataSource.destroy();
  }
}

function refusedRows(error: unknown): RefusedRow[] | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const details = error.details as { rows?: RefusedRow[] } | undefined;
  return details?.rows;
}
