import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { auditBlobs } from '../../../evidence/archive/blob-audit';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';

/** `archive:verify`: re-hashes every archived blob; exit code 1 and each damaged blob named if any. */
export function registerArchiveVerifyCommand(program: Command): void {
  program
    .command('archive:verify')
    .description(
      'Checks that every archived blob (captures, screenshots, snapshots) still hashes to its SHA-256',
    )
    .action(async () => {
      const config = loadAppConfig();
      const dataSource = await new DataSource(buildDataSourceOptions(config.databaseUrl)).initialize();
      try {
        const report = await auditBlobs(dataSource.manager);
        if (report.damaged.length === 0) {
          process.stdout.write(`Archive OK: ${report.checked} blobs, each hashes to its SHA-256\n`);
          return;
        }
        for (const blob of report.damaged)
          process.stdout.write(`DAMAGED ${blob.sha256} (${blob.mediaType}): ${blob.problem}\n`);
        process.stdout.write(
          `Archive BROKEN: ${report.damaged.length} of ${report.checked} blobs do not match their SHA-256\n`,
        );
        process.exitCode = 1;
      } finally {
        await dataSource.destroy();
      }
    });
}
