import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { CatalogueImporter } from '../../import/catalogue-importer';
import { CsvFileError } from '../../import/csv-rows';
import { formatReport, type ImportReport, type RowFailure } from '../../import/import-report';
import { IMPORT_KINDS, type ImportKind } from '../../import/row-importer';
import { EMPTY_FORM } from '../common/fields';
import { setFlash } from '../common/flash';
import { field, formValues, type FormBody } from '../common/form-body';
import type { FieldErrors } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { ImportPage } from './import-page';

/**
 * CSV import through the importer the CLI uses: a dry run lists every row the import would refuse, then
 * the same text is applied. The text travels in the form (no upload storage), so the page works without
 * scripts; a small script only reads a chosen file into the box.
 */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@RequireRoles(Role.Researcher)
@Controller('research/import')
export class ResearchImportController {
  constructor(
    private readonly importer: CatalogueImporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response): void {
    const form = { values: { kind: 'brands' }, errors: EMPTY_FORM.errors };
    sendPage(response, ImportPage({ ctx: webContext(request, response), form }));
  }

  @Post()
  async run(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const ctx = webContext(request, response);
    const values = formValues(body);
    const kind = IMPORT_KINDS.find((known) => known === field(body, 'kind'));
    const csv = typeof body.csv === 'string' ? body.csv : '';
    const errors: FieldErrors = {};
    if (!kind) errors.kind = [`kind must be one of ${IMPORT_KINDS.join(', ')}`];
    if (csv.trim() === '') errors.csv = ['Paste the CSV, header row first'];
    if (!kind || errors.csv) return sendPage(response, ImportPage({ ctx, form: { values, errors } }), 400);

    const dryRun = field(body, 'action') !== 'apply';
    let outcome: { report: ImportReport; failures: RowFailure[] };
    try {
      outcome = await this.importText(kind, csv, dryRun, actor);
    } catch (error: unknown) {
      if (!(error instanceof CsvFileError)) throw error;
      const form = { values, errors: { csv: [error.message] } };
      return sendPage(response, ImportPage({ ctx, form }), 400);
    }
    const summary = formatReport({ ...outcome.report, file: 'the pasted CSV' });
    if (dryRun) {
      const preview = { ...outcome, summary };
      return sendPage(response, ImportPage({ ctx, form: { values, errors: {} }, preview }));
    }
    const skipped = outcome.failures.length
      ? ` Refused: ${outcome.failures.map((f) => `line ${f.line}`).join(', ')}.`
      : '';
    setFlash(response, { kind: 'ok', text: `Imported. ${summary}.${skipped}` }, this.config.secureCookies);
    response.redirect(303, '/research');
  }

  private async importText(kind: ImportKind, csv: string, dryRun: boolean, actor: AuthenticatedUser) {
    const folder = await mkdtemp(path.join(tmpdir(), 'pw-import-'));
    const file = path.join(folder, `${kind}.csv`);
    try {
      await writeFile(file, csv, 'utf8');
      const failures: RowFailure[] = [];
      const report = await this.importer.importFile(kind, file, {
        dryRun,
        asEmail: actor.email,
        onFailure: (failure) => failures.push(failure),
      });
      return { report, failures };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
