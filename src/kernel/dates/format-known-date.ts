import { DatePrecision } from './known-date';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date as precisely as its source gives it, for people: "2021-01-06", "June 2020", "2013", "known by
 * 2024-05-01". Never the stored day of a month or year date (the 1st) or the day it counts from (the last):
 * both would claim a precision the source does not have.
 */
export function formatKnownDate(date: string, precision: DatePrecision): string {
  switch (precision) {
    case DatePrecision.Day:
      return date;
    case DatePrecision.Month:
      return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
    case DatePrecision.Year:
      return date.slice(0, 4);
    case DatePrecision.KnownBy:
      return `known by ${date}`;
  }
}
