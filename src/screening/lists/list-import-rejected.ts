import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/** A row the import refused: the line it starts on (1 = the header) and why. */
export interface RefusedRow {
  line: number;
  reason: string;
}

/** A list is imported whole or not at all: any refused row refuses the file (400, rows in `details`). */
export function listImportRejected(what: string, rows: RefusedRow[]): DomainError {
  const shown = rows
    .slice(0, 5)
    .map((row) => `line ${row.line}: ${row.reason}`)
    .join('; ');
  const more = rows.length > 5 ? `; and ${rows.length - 5} more` : '';
  return new DomainError(
    DomainErrorCode.InvalidInput,
    `${what}: ${rows.length} row(s) refused, nothing imported (${shown}${more})`,
    { rows },
  );
}
