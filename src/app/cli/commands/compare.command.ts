import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
// The compare module alone: the whole barrel would also load the browser and HTTP fetchers.
import { compareHtml } from '../../../../scrapers/compare';

interface CompareCommandOptions {
  pairs?: string;
}

interface PairLine {
  id: string;
  old: string;
  new: string;
}

/** One output line: the public contract in DESIGN.md, keys in this order and no others. */
type PairOutput =
  | {
      id: string;
      changed: boolean;
      significance: string;
      score: number;
      added: string[];
      removed: string[];
      terms: string[];
      /** Only when the new version is a bot wall (DESIGN.md): older readers see the same seven keys. */
      blocked?: true;
    }
  | { id: string; error: string };

/** A relative path in a pairs file is read against the file's folder first, then the current directory. */
function resolvePagePath(file: string, baseFolder: string | undefined): string {
  if (path.isAbsolute(file)) return file;
  const besideList = baseFolder ? path.resolve(baseFolder, file) : undefined;
  if (besideList && existsSync(besideList)) return besideList;
  return path.resolve(process.cwd(), file);
}

function comparePair(pair: PairLine, baseFolder: string | undefined): PairOutput {
  const oldHtml = readFileSync(resolvePagePath(pair.old, baseFolder), 'utf8');
  const newHtml = readFileSync(resolvePagePath(pair.new, baseFolder), 'utf8');
  const { changed, significance, score, added, removed, terms, blocked } = compareHtml(oldHtml, newHtml);
  const output = { id: pair.id, changed, significance, score, added, removed, terms };
  return blocked ? { ...output, blocked: true } : output;
}

function parsePairLine(line: string, lineNumber: number): PairLine | { id: string; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: `line ${lineNumber}`, error: 'not valid JSON' };
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const id =
    typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line ${lineNumber}`;
  if (typeof record.old !== 'string' || typeof record.new !== 'string') {
    return { id, error: 'needs string fields "old" and "new" (file paths)' };
  }
  return { id, old: record.old, new: record.new };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Prints one JSON object per line; returns whether every pair was compared. */
function run(pairs: (PairLine | { id: string; error: string })[], baseFolder: string | undefined): boolean {
  let allCompared = true;
  for (const pair of pairs) {
    let output: PairOutput;
    if ('error' in pair) output = pair;
    else {
      try {
        output = comparePair(pair, baseFolder);
      } catch (error) {
        output = { id: pair.id, error: errorMessage(error) };
      }
    }
    if ('error' in output) {
      allCompared = false;
      process.stderr.write(`compare: ${output.id}: ${output.error}\n`);
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  return allCompared;
}

/**
 * `npm run cli -- compare OLD.html NEW.html` (id "OLD:NEW", the two paths as given) or
 * `npm run cli -- compare --pairs FILE.jsonl` (lines {"id","old","new"}): one JSON result per pair on stdout,
 * in input order; a pair that fails prints {"id","error"} and the exit code is 1.
 */
export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('Judge the change between two versions of a page (none, minor or major)')
    .argument('[old]', 'old version (HTML file)')
    .argument('[new]', 'new version (HTML file)')
    .option('--pairs <file>', 'JSON Lines file of {"id","old","new"} pairs of HTML file paths')
    .action((oldFile: string | undefined, newFile: string | undefined, options: CompareCommandOptions) => {
      let ok: boolean;
      if (options.pairs) {
        const listFile = path.resolve(options.pairs);
        const lines = readFileSync(listFile, 'utf8').split(/\r?\n/);
        const pairs = lines
          .map((line, index) => ({ line: line.trim(), number: index + 1 }))
          .filter(({ line }) => line.length > 0)
          .map(({ line, number }) => parsePairLine(line, number));
        ok = run(pairs, path.dirname(listFile));
      } else if (oldFile && newFile) {
        ok = run([{ id: `${oldFile}:${newFile}`, old: oldFile, new: newFile }], undefined);
      } else {
        throw new Error('compare needs OLD.html NEW.html or --pairs FILE.jsonl');
      }
      if (!ok) process.exitCode = 1;
    });
}
