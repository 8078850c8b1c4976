import type { CsvRow } from './csv-rows';

/** Separates several values in one cell (aliases, sectors, source URLs): `apparel|footwear`. */
export const LIST_SEPARATOR = '|';

/** A cell's text, or undefined when the column is absent or the cell blank (an omitted optional field). */
export function text(row: CsvRow, column: string): string | undefined {
  const value = row.cells.get(column);
  return value ? value : undefined;
}

/** A `|`-separated list; undefined when blank. */
export function list(row: CsvRow, column: string): string[] | undefined {
  const value = text(row, column);
  if (value === undefined) return undefined;
  return value
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Whole numbers as numbers; anything else is passed on as written, so the DTO's validator rejects it with
 * the same message the API gives.
 */
export function integers(row: CsvRow, column: string): Array<number | string> | undefined {
  return list(row, column)?.map((item) => (/^-?\d+$/.test(item) ? Number(item) : item));
}

/** true/false (also yes/no, 1/0); anything else is passed on for the validator to reject. */
export function flag(row: CsvRow, column: string): boolean | string | undefined {
  const value = text(row, column)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return value;
}

/** Drops undefined fields so the DTO sees exactly what the row gave. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
