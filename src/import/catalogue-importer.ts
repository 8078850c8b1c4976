import { Injectable } from '@nestjs/common';
import { Role } from '../identity/auth/role.enum';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { BrandsService } from '../catalogue/brands/brands.service';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../platform/http/errors/domain-error';
import { SYSTEM_READER } from '../kernel/review/visibility';
import { UsersService } from '../identity/users/users.service';
import { isMalformed, readCsvRows } from './csv-rows';
import { emptyReport, ImportReport, RowFailure } from './import-report';
import { BrandRows } from './kinds/brand-rows';
import { CommitmentRows } from './kinds/commitment-rows';
import { EvidenceRows } from './kinds/evidence-rows';
import { ClosureRows } from './kinds/closure-rows';
import { FindingRows } from './kinds/finding-rows';
import { ImportKind, RowContext, RowError, RowImporter } from './row-importer';

export interface ImportOptions {
  dryRun?: boolean;
  /** Attribute rows to this user (they become the user's drafts); absent: the system. */
  asEmail?: string;
  /** The note the system records when it verifies a row without a note of its own. */
  defaultNote?: string;
  onFailure?: (failure: RowFailure) => void;
  /** Bytes of the file read so far, for a progress bar. */
  onProgress?: (bytes: number) => void;
}

/**
 * CSV import of the catalogue: every row goes through the same services (and DTO validation) as the API,
 * one row at a time, so a bad row is reported and skipped while the others go in. Each service write is a
 * transaction of its own, audited; a file is read as a stream.
 */
@Injectable()
export class CatalogueImporter {
  private readonly importers: Record<ImportKind, RowImporter>;

  constructor(
    private readonly users: UsersService,
    private readonly brands: BrandsService,
    brandRows: BrandRows,
    commitmentRows: CommitmentRows,
    findingRows: FindingRows,
    closureRows: ClosureRows,
    evidenceRows: EvidenceRows,
  ) {
    this.importers = {
      brands: brandRows,
      commitments: commitmentRows,
      findings: findingRows,
      closures: closureRows,
      evidence: evidenceRows,
    };
  }

  async importFile(kind: ImportKind, file: string, options: ImportOptions = {}): Promise<ImportReport> {
    const importer = this.importers[kind];
    const report = emptyReport(kind, file, options.dryRun ?? false);
    const context: RowContext = {
      actor: options.asEmail ? await this.actorFor(options.asEmail) : null,
      dryRun: options.dryRun ?? false,
      defaultNote: options.defaultNote ?? `Imported by the system from ${file}`,
      plannedKeys: new Set(),
      companySlugs: new Map(),
    };
    const fail = (failure: RowFailure) => {
      report.counts.failed += 1;
      options.onFailure?.(failure);
    };
    for await (const row of readCsvRows(file, importer.columns, options.onProgress)) {
      report.rows += 1;
      if (isMalformed(row)) {
        fail({ line: row.line, reason: row.problem });
        continue;
      }
      try {
        const result = await importer.importRow(row, context);
        report.counts[result.outcome] += 1;
        report.companiesCreated += result.companiesCreated ?? 0;
      } catch (error: unknown) {
        if (!isRowProblem(error)) throw error;
        fail({ line: row.line, reason: error.message });
      }
    }
    return report;
  }

  /** True when the catalogue holds no brand at all, in any review state. */
  async catalogueIsEmpty(): Promise<boolean> {
    const page = await this.brands.list({ limit: 1 }, SYSTEM_READER);
    return page.items.length === 0;
  }

  /** The user rows are attributed to; the same roles may import as may create entries over the API. */
  private async actorFor(email: string): Promise<AuthenticatedUser> {
    const user = await this.users.findSignInCandidate(email);
    if (!user) throw new Error(`--as: no user with email ${email}`);
    if (user.disabledAt) throw new Error(`--as: the account ${user.email} is disabled`);
    if (user.role !== Role.Researcher && user.role !== Role.Admin) {
      throw new Error(`--as: ${user.email} is a ${user.role}; only researchers and admins create entries`);
    }
    return { id: user.id, email: user.email, role: user.role };
  }
}

/**
 * Errors that concern one row: refused input, a domain rule, or a value the database's own checks refuse
 * (SQLSTATE class 22 data exception, 23 integrity constraint). Anything else (the database went away)
 * stops the import rather than failing every remaining row the same way.
 */
function isRowProblem(error: unknown): error is Error {
  if (error instanceof RowError || error instanceof DomainError) return true;
  const code = error instanceof QueryFailedError ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
