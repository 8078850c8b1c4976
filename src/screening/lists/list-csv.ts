import { isMalformed, readCsvRows, type CsvRow } from '../../import/csv-rows';
import { list, text } from '../../import/cells';
import { assertUtf8 } from './utf8';

/**
 * The two list formats (docs/screening.md), read and checked row by row without a database, so the CLI and
 * the importer refuse the same rows for the same reasons. Limits match the columns they are stored in.
 */
export const LIST_LIMITS = {
  id: 200,
  name: 500,
  alias: 500,
  aliases: 50,
  address: 1000,
  country: 100,
  section: 200,
  url: 2000,
  osId: 50,
  note: 1000,
} as const;

export const ENTITY_COLUMNS = {
  allowed: [
    'entity_id',
    'name',
    'aliases',
    'name_zh',
    'address',
    'country',
    'list_section',
    'added_on',
    'removed_on',
    'source_url',
    'uncertain',
  ],
  required: ['entity_id', 'name'],
} as const;

/** Open Supply Hub's download has more columns; the ones screening reads are named, the others allowed. */
export const SUPPLIER_COLUMNS = {
  allowed: [
    'supplier_id',
    'name',
    'address',
    'country',
    'os_id',
    'sector',
    'product_type',
    'facility_type',
    'number_of_workers',
    'parent_company',
    'lat',
    'lng',
  ],
  required: ['supplier_id', 'name'],
} as const;

export interface EntityRow {
  entityId: string;
  name: string;
  aliases: string[];
  nameZh?: string;
  address?: string;
  country?: string;
  listSection?: string;
  addedOn?: string;
  removedOn?: string;
  sourceUrl?: string;
  /** Why a fact of the row could not be confirmed (the demo seed marks such rows); blank when confirmed. */
  uncertain?: string;
}

export interface SupplierRow {
  supplierId: string;
  name: string;
  address?: string;
  country?: string;
  osId?: string;
}

export type ListLine<T> = { line: number; row: T } | { line: number; problem: string };

class RowProblem extends Error {}

export async function* readEntityRows(
  file: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<ListLine<EntityRow>> {
  yield* readRows(file, ENTITY_COLUMNS, 'entity_id', onBytes, (row) => {
    const aliases = list(row, 'aliases') ?? [];
    if (aliases.length > LIST_LIMITS.aliases) throw new RowProblem(`aliases: at most ${LIST_LIMITS.aliases}`);
    aliases.forEach((alias) => limit('aliases', alias, LIST_LIMITS.alias));
    const addedOn = date(row, 'added_on');
    const removedOn = date(row, 'removed_on');
    if (addedOn && removedOn && removedOn < addedOn) throw new RowProblem('removed_on: before added_on');
    return {
      entityId: required(row, 'entity_id', LIST_LIMITS.id),
      name: required(row, 'name', LIST_LIMITS.name),
      aliases,
      nameZh: optional(row, 'name_zh', LIST_LIMITS.name),
      address: optional(row, 'address', LIST_LIMITS.address),
      country: optional(row, 'country', LIST_LIMITS.country),
      listSection: optional(row, 'list_section', LIST_LIMITS.section),
      addedOn,
      removedOn,
      sourceUrl: url(row, 'source_url'),
      uncertain: optional(row, 'uncertain', LIST_LIMITS.note),
    };
  });
}

export async function* readSupplierRows(
  file: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<ListLine<SupplierRow>> {
  yield* readRows(file, SUPPLIER_COLUMNS, 'supplier_id', onBytes, (row) => ({
    supplierId: required(row, 'supplier_id', LIST_LIMITS.id),
    name: required(row, 'name', LIST_LIMITS.name),
    address: optional(row, 'address', LIST_LIMITS.address),
    country: optional(row, 'country', LIST_LIMITS.country),
    osId: optional(row, 'os_id', LIST_LIMITS.osId),
  }));
}

/** Rows with their checks applied; a second row with an id already seen is refused by line. */
async function* readRows<T>(
  file: string,
  columns: { allowed: readonly string[]; required: readonly string[] },
  idColumn: string,
  onBytes: ((bytes: number) => void) | undefined,
  toRow: (row: CsvRow) => T,
): AsyncGenerator<ListLine<T>> {
  await assertUtf8(file);
  const seen = new Map<string, number>();
  for await (const row of readCsvRows(file, columns, onBytes)) {
    if (isMalformed(row)) {
      yield { line: row.line, problem: row.problem };
      continue;
    }
    try {
      const parsed = toRow(row);
      const id = text(row, idColumn) ?? '';
      const first = seen.get(id);
      if (first !== undefined) {
        yield { line: row.line, problem: `${idColumn}: "${id}" repeats line ${first}` };
        continue;
      }
      seen.set(id, row.line);
      yield { line: row.line, row: parsed };
    } catch (error: unknown) {
      if (!(error instanceof RowProblem)) throw error;
      yield { line: row.line, problem: error.message };
    }
  }
}

function required(row: CsvRow, column: string, max: number): string {
  const value = text(row, column);
  if (value === undefined) throw new RowProblem(`${column}: required`);
  return limit(column, value, max);
}

function optional(row: CsvRow, column: string, max: number): string | undefined {
  const value = text(row, column);
  return value === undefined ? undefined : limit(column, value, max);
}

function limit(column: string, value: string, max: number): string {
  if (value.length > max) throw new RowProblem(`${column}: longer than ${max} characters`);
  return value;
}

function date(row: CsvRow, column: string): string | undefined {
  const value = text(row, column);
  if (value === undefined) return undefined;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (!valid || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new RowProblem(`${column}: not a date (YYYY-MM-DD)`);
  }
  return value;
}

function url(row: CsvRow, column: string): string | undefined {
  const value = optional(row, column, LIST_LIMITS.url);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new RowProblem(`${column}: not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new RowProblem(`${column}: not http(s)`);
  return value;
}
