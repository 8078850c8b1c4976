import { Injectable } from '@nestjs/common';
import { ClosuresService } from '../../claims/findings/closures/closures.service';
import { CreateClosureDto } from '../../claims/findings/closures/dto/create-closure.dto';
import { FindingKind } from '../../claims/findings/finding-kind';
import { DatePrecision, normaliseDate } from '../../kernel/dates/known-date';
import { ReviewStatus } from '../../kernel/review/review-status';
import { SYSTEM_READER } from '../../kernel/review/visibility';
import { CatalogueLookup } from '../catalogue-lookup';
import { defined, list, text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { validateAsDto } from '../dto-validation';
import { NOTE_COLUMN, RowContext, RowError, RowImporter, RowResult, UNCERTAIN_COLUMN } from '../row-importer';
import { SubjectRecords } from '../subject-records';
import { finishAsSystem, subjectKey } from './claim-steps';

/**
 * closures.csv: the end of an exposure finding a row (a facility sold, a relationship ended), with its
 * evidence URLs. The finding is named as in findings.csv: subject, kind, report and published_on. Natural
 * key: (finding, ended_on); a finding takes one closure at a time (docs/import.md).
 */
@Injectable()
export class ClosureRows implements RowImporter {
  readonly kind = 'closures';
  readonly columns = {
    allowed: [
      'brand',
      'company',
      'finding_kind',
      'report',
      'published_on',
      'published_on_precision',
      'ended_on',
      'reason',
      'summary',
      'source_urls',
      UNCERTAIN_COLUMN,
      NOTE_COLUMN,
    ],
    required: [
      'finding_kind',
      'published_on',
      'published_on_precision',
      'ended_on',
      'reason',
      'summary',
      'source_urls',
    ],
  };

  constructor(
    private readonly closures: ClosuresService,
    private readonly lookup: CatalogueLookup,
    private readonly records: SubjectRecords,
  ) {}

  async importRow(row: CsvRow, context: RowContext): Promise<RowResult> {
    const checked = await validateAsDto(
      CreateClosureDto,
      defined({ endedOn: text(row, 'ended_on'), reason: text(row, 'reason'), summary: text(row, 'summary') }),
      { endedOn: 'ended_on' },
    );
    if (!checked.ok) throw new RowError(checked.reason);
    const urls = list(row, 'source_urls') ?? [];
    if (!urls.length) throw new RowError('source_urls: give at least one evidence URL');
    const subject = await this.lookup.subject(text(row, 'brand'), text(row, 'company'));
    const finding = await this.findingOf(row, subject);
    const key = `closure:${subjectKey(subject)}:${finding.id}:${checked.value.endedOn}`;
    const existing = await this.closures.listForFinding(finding.id, SYSTEM_READER);
    if (
      existing.some((closure) => closure.endedOn === checked.value.endedOn) ||
      context.plannedKeys.has(key)
    ) {
      return { outcome: 'unchanged' };
    }
    if (existing.some((closure) => closure.status !== ReviewStatus.Rejected)) {
      throw new RowError('ended_on: this finding already has a closure with another end day');
    }
    if (checked.value.endedOn < finding.publishedOn) {
      throw new RowError(`ended_on: cannot be before the finding's published_on (${finding.publishedOn})`);
    }
    if (context.dryRun) {
      context.plannedKeys.add(key);
      return { outcome: 'created' };
    }
    const evidenceIds = await this.lookup.evidenceIds(urls);
    const created = await this.closures.close(finding.id, { ...checked.value, evidenceIds }, context.actor);
    await finishAsSystem(this.closures, created.id, row, context);
    return { outcome: 'created' };
  }

  private async findingOf(row: CsvRow, subject: Parameters<SubjectRecords['findingsOf']>[0]) {
    const kind = text(row, 'finding_kind') as FindingKind;
    const precision = text(row, 'published_on_precision') as DatePrecision;
    const publishedOn = normaliseDate(text(row, 'published_on') ?? '', precision);
    const report = text(row, 'report') ?? null;
    const finding = (await this.records.findingsOf(subject)).find(
      (item) =>
        item.kind === kind && (item.reportName ?? null) === report && item.publishedOn === publishedOn,
    );
    if (!finding)
      throw new RowError('finding_kind: no finding of this subject with that kind, report and published_on');
    return finding;
  }
}
