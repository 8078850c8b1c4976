import { formatKnownDate } from '../../src/kernel/dates/format-known-date';
import { DatePrecision, effectiveDate, normaliseDate } from '../../src/kernel/dates/known-date';

describe('a date shown at its precision', () => {
  it.each([
    ['2020-06-17', DatePrecision.Month, 'June 2020'],
    ['2013-04-02', DatePrecision.Year, '2013'],
    ['2021-01-06', DatePrecision.Day, '2021-01-06'],
    ['2024-05-01', DatePrecision.KnownBy, 'known by 2024-05-01'],
    ['2019-12-31', DatePrecision.Month, 'December 2019'],
  ])('shows %s (%s) as "%s"', (date, precision, shown) => {
    expect(formatKnownDate(normaliseDate(date, precision), precision)).toBe(shown);
  });

  it('never shows the day a month or year date counts from', () => {
    const stored = normaliseDate('2020-06-10', DatePrecision.Month);
    expect(effectiveDate(stored, DatePrecision.Month)).toBe('2020-06-30');
    expect(formatKnownDate(stored, DatePrecision.Month)).not.toContain('30');
  });
});
