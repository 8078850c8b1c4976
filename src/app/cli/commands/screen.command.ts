import type { Command } from 'commander';
import { EntityIndex, type EntityInput } from '../../../screening/matching';
import { readEntityRows, readSupplierRows, type ListLine } from '../../../screening/lists/list-csv';

interface ScreenCommandOptions {
  entities: string;
  suppliers: string;
}

/**
 * `screen --entities ENTITIES.csv --suppliers SUPPLIERS.csv`: screens a supplier list against an entity
 * list without a database (docs/screening.md). One JSON object per candidate on stdout, in supplier order
 * and best first: {"supplier","entity","score","decision","reasons"} with the two files' ids. A bad row is
 * reported on stderr by line and skipped; the exit code is then 1.
 */
export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('Screen a supplier list against an entity list (e.g. the UFLPA Entity List)')
    .requiredOption(
      '--entities <file>',
      'CSV: entity_id,name,aliases,name_zh,address,country,list_section,added_on,source_url',
    )
    .requiredOption('--suppliers <file>', 'CSV: supplier_id,name,address,country (os_id optional)')
    .action(async (options: ScreenCommandOptions) => {
      let failed = false;
      const report = <T>(file: string, line: ListLine<T>): line is { line: number; row: T } => {
        if ('row' in line) return true;
        failed = true;
        process.stderr.write(`${file}: line ${line.line}: ${line.problem}\n`);
        return false;
      };
      const entities: EntityInput[] = [];
      for await (const line of readEntityRows(options.entities)) {
        if (!report(options.entities, line)) continue;
        const { entityId, name, aliases, nameZh, address, country } = line.row;
        entities.push({ id: entityId, name, aliases, nameZh, address, country });
      }
      const index = new EntityIndex(entities);
      for await (const line of readSupplierRows(options.suppliers)) {
        if (!report(options.suppliers, line)) continue;
        const { supplierId, name, address, country } = line.row;
        for (const { supplier, entity, score, decision, reasons } of index.screen({
          id: supplierId,
          name,
          address,
          country,
        })) {
          process.stdout.write(`${JSON.stringify({ supplier, entity, score, decision, reasons })}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });
}
