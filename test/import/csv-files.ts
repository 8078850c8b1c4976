import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes a CSV file (lines joined by \n) into a fresh temporary folder and returns its path. */
export function csvFile(name: string, lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pw-import-'));
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
