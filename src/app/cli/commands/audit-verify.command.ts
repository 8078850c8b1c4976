import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../../../identity/audit/audit-chain-verifier';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';

/** `audit:verify`: recomputes the audit log's hash chain; exit code 1 and the first bad entry if broken. */
export function registerAuditVerifyCommand(program: Command): void {
  program
    .command('audit:verify')
    .description('Checks that no audit log entry was edited, deleted or replaced')
    .action(async () => {
      const config = loadAppConfig();
      const dataSource = await new DataSource(buildDataSourceOptions(config.databaseUrl)).initialize();
      try {
        const report = await verifyAuditChain(dataSource);
        if (report.ok) {
          const head = report.head ? ` (newest: #${report.head.seq} ${report.head.hash})` : '';
          process.stdout.write(`Audit log OK: ${report.count} entries, chain intact${head}\n`);
          return;
        }
        process.stdout.write(
          `Audit log BROKEN at entry ${report.entryId} (sequence ${report.seq}): ` +
            `${report.problem.replace('_', ' ')}: ${report.explanation}. ` +
            `${report.checked} earlier entries are intact.\n`,
        );
        process.exitCode = 1;
      } finally {
        await dataSource.destroy();
      }
    });
}
