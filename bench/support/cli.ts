import { loadavg } from 'node:os';

/**
 * The number after `flag` (say `--seconds`) on the command line, or `fallback` when the flag is absent. A value
 * that is not a finite positive number (missing, a typo) stops the bench rather than running it with NaN or 0.
 */
export function numberOption(flag: string, fallback: number): number {
  const index = process.argv.indexOf(flag);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${flag} wants a positive number, not ${JSON.stringify(process.argv[index + 1] ?? '')}`);
  }
  return value;
}

/** The 1, 5 and 15 minute load averages, two decimals each, joined by `separator`. */
export function loadAverage(separator = ' '): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(separator);
}
