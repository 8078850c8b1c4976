import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listImportRejected } from './list-import-rejected';

/**
 * Runs an import on CSV text sent in a request, through a temporary file (the importers stream files). Text
 * that reached us with U+FFFD in it was not UTF-8 when it was read: refused by line, as a file would be.
 */
export async function withCsvText<T>(
  what: string,
  csv: string,
  work: (file: string) => Promise<T>,
): Promise<T> {
  const broken = csv.indexOf('\uFFFD');
  if (broken !== -1) {
    const line = csv.slice(0, broken).split('\n').length;
    throw listImportRejected(what, [{ line, reason: 'not UTF-8 (save the file as UTF-8)' }]);
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'pw-screening-'));
  try {
    const file = path.join(folder, 'list.csv');
    await writeFile(file, csv, 'utf8');
    return await work(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
