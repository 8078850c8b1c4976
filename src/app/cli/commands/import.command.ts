import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';
import { formatFailure, formatReport } from '../../../import/import-report';
import { openImportContext } from '../../../import/import-context';
import { startProgress } from '../../../import/progress';
import { IMPORT_KINDS, ImportKind } from '../../../import/row-importer';

interface ImportCommandOptions {
  dryRun?: boolean;
  as?: string;
}

/**
 * `import <kind> FILE.csv [--dry-run] [--as EMAIL]`: loads brands, evidence, commitments, findings or closures
 * (docs/import.md). The summary goes to stdout, each bad row to stderr with its line number; the exit code
 * is 1 when any row failed.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(`Imports a CSV file of ${IMPORT_KINDS.join(', ')} (see docs/import.md)`)
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'CSV file with a header row')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--as <email>', 'attribute the rows to this user (as drafts); default: the system')
    .action(async (kindArgument: string, file: string, options: ImportCommandOptions) => {
      const kind = IMPORT_KINDS.find((candidate) => candidate === kindArgument);
      if (!kind) throw new Error(`<kind> must be one of: ${IMPORT_KINDS.join(', ')}`);
      const size = statSync(file).size;
      const failed = await runImport(kind, file, size, options);
      if (failed > 0) process.exitCode = 1;
    });
}

async function runImport(
  kind: ImportKind,
  file: string,
  size: number,
  options: ImportCommandOptions,
): Promise<number> {
  const config = loadAppConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(config.databaseUrl)).initialize();
  const progress = startProgress(size, process.stderr);
  try {
    const context = await openImportContext(dataSource);
    try {
      const report = await context.importer.importFile(kind, file, {
        dryRun: options.dryRun,
        asEmail: options.as,
        onProgress: (bytes) => progress.update(bytes),
        onFailure: (failure) => progress.log(`${file}: ${formatFailure(failure)}\n`),
      });
      progress.stop();
      process.stdout.write(`${formatReport(report)}\n`);
      return report.counts.failed;
    } finally {
      await context.close();
    }
  } finally {
    progress.stop();
    await dataSource.destroy();
  }
}
