import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { findUnsourcedClaims } from '../../../claims/claim-stack/unsourced-claims';
import { loadAppConfig } from '../../../platform/config/app-config';
import { buildDataSourceOptions } from '../../database/typeorm-options';

/**
 * `publication:check`: lists verified claims without a verified source, one JSON object a line; exit code 1
 * when there are any. Run once after upgrading to the publication rule, then whenever in doubt.
 */
export function registerPublicationCheckCommand(program: Command): void {
  program
    .command('publication:check')
    .description('Lists verified claims that cite no verified source (the publication rule)')
    .action(async () => {
      const config = loadAppConfig();
      const dataSource = await new DataSource(buildDataSourceOptions(config.databaseUrl)).initialize();
      try {
        const unsourced = await findUnsourcedClaims(dataSource);
        for (const claim of unsourced) process.stdout.write(`${JSON.stringify(claim)}\n`);
        process.stderr.write(
          unsourced.length
            ? `${unsourced.length} verified claim(s) cite no verified source: verify a source of each, or reject it.\n`
            : 'Every verified claim cites a verified source.\n',
        );
        if (unsourced.length) process.exitCode = 1;
      } finally {
        await dataSource.destroy();
      }
    });
}
