/**
 * One table from every benchmark's bench/results/<name>.json: each figure, its ceiling measured in the same
 * run, and the ratio. Results written before `--since <ms since epoch>` (the start of `npm run bench`) are
 * marked stale, and benchmarks under bench/ with no results at all are listed, so a failed run never passes
 * off an old figure as new.
 *   node -r ts-node/register/transpile-only bench/report.ts [--since <ms>] [--markdown]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadAverage } from './support/cli';

interface ResultRow {
  figure: string;
  unit: string;
  ours: number;
  ceiling: number;
  /** null where the ceiling is an allowed count of zero (lost checks, duplicates): there is no ratio. */
  ratio: number | null;
}

interface BenchResult {
  name: string;
  rows: ResultRow[];
  file: string;
  writtenAt: Date;
}

const RESULTS_DIR = path.join(__dirname, 'results');

function readResults(): BenchResult[] {
  let files: string[] = [];
  try {
    files = readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().flatMap((file) => {
    const full = path.join(RESULTS_DIR, file);
    try {
      const parsed = JSON.parse(readFileSync(full, 'utf8')) as Partial<BenchResult>;
      if (!Array.isArray(parsed.rows)) return [];
      return [{ name: parsed.name ?? file, rows: parsed.rows, file, writtenAt: statSync(full).mtime }];
    } catch {
      console.error(`bench/results/${file} is not a result file; left out`);
      return [];
    }
  });
}

function format(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function main(): void {
  const argv = process.argv.slice(2);
  const sinceIndex = argv.indexOf('--since');
  const since = sinceIndex >= 0 ? Number(argv[sinceIndex + 1]) : 0;
  const markdown = argv.includes('--markdown');
  const results = readResults();
  const benches = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.replace(/\.bench\.ts$/, ''));

  const header = ['bench', 'figure', 'unit', 'ours', 'ceiling', 'ratio'];
  const lines: string[][] = [];
  for (const result of results) {
    const stale = result.writtenAt.getTime() < since ? ` (stale: ${result.writtenAt.toISOString()})` : '';
    for (const row of result.rows) {
      lines.push([
        result.name + stale,
        row.figure,
        row.unit,
        format(row.ours),
        format(row.ceiling),
        format(row.ratio),
      ]);
    }
  }
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map((_, i) => (i >= 3 ? '---:' : '---')).join(' | ')} |`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
    const render = (cells: string[]) =>
      cells.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
    console.log(render(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const line of lines) console.log(render(line));
  }
  const missing = benches.filter((bench) => !results.some((result) => result.name === bench));
  if (missing.length) console.log(`\nNo results from: ${missing.join(', ')}`);
  console.log(
    `\nratio = ours / ceiling (for times and memory lower is better; for rates and counts served, higher).` +
      ` Load average now: ${loadAverage()} on a machine with 2 cores.`,
  );
}

main();
