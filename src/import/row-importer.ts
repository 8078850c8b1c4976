import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import type { CsvHeaderRules, CsvRow } from './csv-rows';

export const IMPORT_KINDS = ['brands', 'commitments', 'findings', 'closures', 'evidence'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What happened to one row; `updated` is an existing record that only gained evidence links. */
export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface RowResult {
  outcome: RowOutcome;
  /** Company groups created on the way (brand rows naming a group we did not know). */
  companiesCreated?: number;
}

/** How one import runs; shared by every row of the file. */
export interface RowContext {
  /** Null: the system (seeds, trusted imports), whose rows are verified unless marked uncertain. */
  actor: AuthenticatedUser | null;
  dryRun: boolean;
  /** The review note the system records when it verifies a row that has no note of its own. */
  defaultNote: string;
  /**
   * Natural keys a dry run would have created, so a later row of the same file with the same key is
   * reported as unchanged, as it would be in a real run.
   */
  plannedKeys: Set<string>;
  /** Company groups already resolved in this import, by the name or slug rows gave (lower case). */
  companySlugs: Map<string, string>;
}

/** A row the importer refuses, with a reason a researcher can act on (the line number is added by the caller). */
export class RowError extends Error {
  override name = 'RowError';
}

/** One kind of CSV file: the columns it accepts and how a row becomes catalogue records. */
export interface RowImporter {
  readonly kind: ImportKind;
  readonly columns: CsvHeaderRules;
  importRow(row: CsvRow, context: RowContext): Promise<RowResult>;
}

/** Columns every kind accepts: a review note for the system to record instead of the default one. */
export const NOTE_COLUMN = 'note';

/** Marks a claim as uncertain: the system then leaves it submitted, with this text as the reviewer's note. */
export const UNCERTAIN_COLUMN = 'uncertain';
