import type { ImportKind, RowOutcome } from './row-importer';

/** A bad row: the line it starts on (1 = the header) and why it was refused. */
export interface RowFailure {
  line: number;
  reason: string;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  rows: number;
  counts: Record<RowOutcome | 'failed', number>;
  companiesCreated: number;
}

export function emptyReport(kind: ImportKind, file: string, dryRun: boolean): ImportReport {
  return {
    kind,
    file,
    dryRun,
    rows: 0,
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    companiesCreated: 0,
  };
}

/** One line: "brands: 93 rows, 93 created, 0 unchanged, 0 failed (+85 companies)"; dry runs say "would". */
export function formatReport(report: ImportReport): string {
  const { created, updated, unchanged, failed } = report.counts;
  const verb = report.dryRun ? 'would be created' : 'created';
  const parts = [`${report.rows} rows`, `${created} ${verb}`];
  if (updated) parts.push(`${updated} ${report.dryRun ? 'would gain' : 'gained'} evidence links`);
  parts.push(`${unchanged} unchanged`, `${failed} failed`);
  const companies = report.companiesCreated
    ? ` (companies ${report.dryRun ? 'that would be created' : 'created'}: ${report.companiesCreated})`
    : '';
  return `${report.kind}${report.dryRun ? ' (dry run)' : ''}: ${parts.join(', ')}${companies}`;
}

export function formatFailure(failure: RowFailure): string {
  return `line ${failure.line}: ${failure.reason}`;
}
