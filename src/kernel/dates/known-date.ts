/**
 * How exactly a source dates a statement. The as-of rule (docs/data-model.md) counts a statement from the
 * LAST day it could have been made: we never credit (or blame) a brand for something before we know it was
 * said.
 */
export enum DatePrecision {
  /** The exact day. */
  Day = 'day',
  /** Some day in that month; stored as the 1st, in force from the month's last day. */
  Month = 'month',
  /** Some day in that year; stored as 1 January, in force from 31 December. */
  Year = 'year',
  /** Said on or before that day (e.g. "listed as of March 2022"); in force from that day. */
  KnownBy = 'known_by',
}

export const DATE_PRECISIONS = Object.values(DatePrecision);

/** Stores month and year dates as the first day of their period, so equal facts compare equal. */
export function normaliseDate(date: string, precision: DatePrecision): string {
  switch (precision) {
    case DatePrecision.Month:
      return `${date.slice(0, 7)}-01`;
    case DatePrecision.Year:
      return `${date.slice(0, 4)}-01-01`;
    case DatePrecision.Day:
    case DatePrecision.KnownBy:
      return date;
  }
}

/** The day from which a dated statement counts in as-of queries (ISO dates in, ISO date out). */
export function effectiveDate(date: string, precision: DatePrecision): string {
  switch (precision) {
    case DatePrecision.Month: {
      const [year, month] = date.split('-').map(Number);
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return `${date.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`;
    }
    case DatePrecision.Year:
      return `${date.slice(0, 4)}-12-31`;
    case DatePrecision.Day:
    case DatePrecision.KnownBy:
      return date;
  }
}

/** The same rule as a CHECK, so rows written by hand or by an import cannot disagree with it. */
export function effectiveDateCheck(dateColumn: string, precisionColumn: string): string {
  return (
    `effective_on = CASE ${precisionColumn} ` +
    `WHEN 'month' THEN (date_trunc('month', ${dateColumn}::timestamp) + interval '1 month - 1 day')::date ` +
    `WHEN 'year' THEN (date_trunc('year', ${dateColumn}::timestamp) + interval '1 year - 1 day')::date ` +
    `ELSE ${dateColumn} END`
  );
}

export function precisionCheck(precisionColumn: string): string {
  return `${precisionColumn} IN (${DATE_PRECISIONS.map((value) => `'${value}'`).join(', ')})`;
}
