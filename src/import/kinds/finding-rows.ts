import { Injectable } from '@nestjs/common';
import { normaliseDate } from '../../kernel/dates/known-date';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { CreateFindingDto } from '../../claims/findings/dto/create-finding.dto';
import { FindingsService } from '../../claims/findings/findings.service';
import { CatalogueLookup } from '../catalogue-lookup';
import { defined, list, text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { validateAsDto } from '../dto-validation';
import { NOTE_COLUMN, RowContext, RowError, RowImporter, RowResult, UNCERTAIN_COLUMN } from '../row-importer';
import { SubjectRecords, subjectRef } from '../subject-records';
import { finishAsSystem, linkMissingEvidence, subjectKey } from './claim-steps';

/**
 * findings.csv: one exposure finding a row, of a brand or of a group, with its evidence URLs. Natural key:
 * (subject, kind, report, published_on as stored). Findings are never edited: a row that differs only in
 * `ended_on` from one already imported is reported unchanged (docs/import.md).
 */
@Injectable()
export class FindingRows implements RowImporter {
  readonly kind = 'findings';
  readonly columns = {
    allowed: [
      'brand',
      'company',
      'kind',
      'report',
      'published_on',
      'published_on_precision',
      'finding',
      'response',
      'ended_on',
      'source_urls',
      UNCERTAIN_COLUMN,
      NOTE_COLUMN,
    ],
    required: ['kind', 'published_on', 'published_on_precision', 'finding', 'source_urls'],
  };

  constructor(
    private readonly findings: FindingsService,
    private readonly evidence: EvidenceService,
    private readonly lookup: CatalogueLookup,
    private readonly records: SubjectRecords,
  ) {}

  async importRow(row: CsvRow, context: RowContext): Promise<RowResult> {
    const checked = await validateAsDto(
      CreateFindingDto,
      defined({
        kind: text(row, 'kind'),
        reportName: text(row, 'report'),
        publishedOn: text(row, 'published_on'),
        publishedOnPrecision: text(row, 'published_on_precision'),
        finding: text(row, 'finding'),
        response: text(row, 'response'),
        endedOn: text(row, 'ended_on'),
      }),
      FINDING_COLUMNS,
    );
    if (!checked.ok) throw new RowError(checked.reason);
    const input = checked.value;
    const urls = list(row, 'source_urls') ?? [];
    if (!urls.length) throw new RowError('source_urls: give at least one evidence URL');

    const subject = await this.lookup.subject(text(row, 'brand'), text(row, 'company'));
    const evidenceIds = await this.lookup.evidenceIds(urls);
    const publishedOn = normaliseDate(input.publishedOn, input.publishedOnPrecision);
    const report = input.reportName?.trim() || null;
    const key = `finding:${subjectKey(subject)}:${input.kind}:${report ?? ''}:${publishedOn}`;
    const existing = (await this.records.findingsOf(subject)).find(
      (item) => item.kind === input.kind && item.reportName === report && item.publishedOn === publishedOn,
    );
    if (existing) {
      const linked = await linkMissingEvidence(this.evidence, 'finding', existing, evidenceIds, context);
      return { outcome: linked ? 'updated' : 'unchanged' };
    }
    if (context.plannedKeys.has(key)) return { outcome: 'unchanged' };
    if (input.endedOn && input.endedOn < publishedOn) {
      throw new RowError('ended_on: cannot be before published_on');
    }
    if (context.dryRun) {
      context.plannedKeys.add(key);
      return { outcome: 'created' };
    }
    const ref = subjectRef(subject);
    const dto = { ...input, evidenceIds };
    const created =
      'brand' in ref
        ? await this.findings.createForBrand(ref.brand, dto, context.actor)
        : await this.findings.createForCompany(ref.company, dto, context.actor);
    await finishAsSystem(this.findings, created.id, row, context);
    return { outcome: 'created' };
  }
}

/** DTO fields whose CSV column is spelled differently, for error messages. */
const FINDING_COLUMNS = {
  reportName: 'report',
  publishedOn: 'published_on',
  publishedOnPrecision: 'published_on_precision',
  endedOn: 'ended_on',
};
