import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { formatFailure, formatReport } from '../src/import/import-report';
import { openImportContext } from '../src/import/import-context';
import type { ImportKind } from '../src/import/row-importer';
import { projectRoot } from '../src/ui/project-root';

/** Where the demo CSVs live: seeds/ at the project root, whether we run from src or dist. */
export const SEEDS_DIR = path.join(projectRoot(), 'seeds');

/** In dependency order: rows refer to brands (and their groups) and to evidence by URL. */
export const SEED_FILES: ReadonlyArray<[ImportKind, string]> = [
  ['brands', 'brands.csv'],
  ['evidence', 'evidence.csv'],
  ['commitments', 'commitments.csv'],
  ['findings', 'findings.csv'],
  ['closures', 'closures.csv'],
];

const SEED_NOTE = 'Demo data from public sources (seeds/README.md)';

/**
 * Loads the demo data (public facts, see seeds/README.md) into a database that holds no brands yet,
 * through the CSV importer as the system: the same code path as `npm run cli -- import`.
 */
export async function seedDemoDataIfEmpty(
  dataSource: DataSource,
  log: (line: string) => void,
  seedsDir: string = SEEDS_DIR,
): Promise<void> {
  const missing = SEED_FILES.filter(([, file]) => !existsSync(path.join(seedsDir, file)));
  if (missing.length) {
    log(`Demo data not loaded: ${missing.map(([, file]) => file).join(', ')} missing from ${seedsDir}`);
    return;
  }
  const context = await openImportContext(dataSource);
  try {
    if (!(await context.importer.catalogueIsEmpty())) {
      log('Demo data not loaded: the catalogue already holds brands');
      return;
    }
    for (const [kind, file] of SEED_FILES) {
      const failures: string[] = [];
      const report = await context.importer.importFile(kind, path.join(seedsDir, file), {
        defaultNote: SEED_NOTE,
        onFailure: (failure) => failures.push(`${file}: ${formatFailure(failure)}`),
      });
      log(`Demo data ${formatReport(report)}`);
      // The seeds are ours: a refused row is a bug in them, not something to start up with silently.
      if (failures.length) throw new Error(`Demo data has bad rows:\n${failures.join('\n')}`);
    }
  } finally {
    await context.close();
  }
}
