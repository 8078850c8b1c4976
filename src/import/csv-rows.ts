import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** One data row of a CSV file: its cells by column name and the line it starts on (1 = the header). */
export interface CsvRow {
  line: number;
  cells: ReadonlyMap<string, string>;
}

/** A row whose shape is wrong (too many or too few fields); reported like any other bad row. */
export interface MalformedRow {
  line: number;
  problem: string;
}

export interface CsvHeaderRules {
  allowed: readonly string[];
  required: readonly string[];
}

/** The file itself cannot be read as CSV (unclosed quote, bad header): nothing after it can be trusted. */
export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

/**
 * Reads a CSV file as a stream, one row at a time, so a file of any size is never held in memory. The
 * header names the columns (any order, case and surrounding spaces ignored); unknown or missing required
 * columns stop the import before any row is read, since every row would be wrong the same way.
 * `onBytes` reports how far into the file the parser is, for a progress bar.
 */
export async function* readCsvRows(
  file: string,
  rules: CsvHeaderRules,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvRow | MalformedRow> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: RecordInfo }>) {
      onBytes(info.bytes);
      // info.lines is where the record ends; a quoted cell may span lines, so count back to its start.
      const line = info.lines - record.reduce((sum, cell) => sum + countNewlines(cell), 0);
      if (!header) {
        header = checkHeader(record, rules);
        continue;
      }
      if (record.length !== header.length) {
        yield { line, problem: `has ${record.length} fields where the header has ${header.length}` };
        continue;
      }
      yield { line, cells: new Map(header.map((name, index) => [name, record[index].trim()])) };
    }
  } catch (error: unknown) {
    if (isCsvParseError(error)) throw new CsvFileError(`line ${error.lines}: ${error.message}`);
    throw error;
  }
  if (!header) throw new CsvFileError('the file is empty (expected a header row)');
}

interface RecordInfo {
  bytes: number;
  lines: number;
}

function checkHeader(record: string[], rules: CsvHeaderRules): string[] {
  const header = record.map((name) => name.trim().toLowerCase());
  const unknown = header.filter((name) => !rules.allowed.includes(name));
  if (unknown.length) {
    throw new CsvFileError(
      `line 1: unknown column(s) ${unknown.join(', ')}; allowed: ${rules.allowed.join(', ')}`,
    );
  }
  const missing = rules.required.filter((name) => !header.includes(name));
  if (missing.length) throw new CsvFileError(`line 1: missing required column(s) ${missing.join(', ')}`);
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate) throw new CsvFileError(`line 1: column ${duplicate} appears twice`);
  return header;
}

function countNewlines(cell: string): number {
  let count = 0;
  for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1)) count += 1;
  return count;
}

function isCsvParseError(error: unknown): error is Error & { code: string; lines: number } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
}

export function isMalformed(row: CsvRow | MalformedRow): row is MalformedRow {
  return 'problem' in row;
}
