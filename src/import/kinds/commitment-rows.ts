import { Injectable } from '@nestjs/common';
import { CommitmentType } from '../../kernel/as-of/commitment-type';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import { CreateCommitmentDto } from '../../claims/commitments/dto/create-commitment.dto';
import { normaliseDate } from '../../kernel/dates/known-date';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { ReviewStatus } from '../../kernel/review/review-status';
import { CatalogueLookup, ImportSubject } from '../catalogue-lookup';
import { defined, flag, integers, list, text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { validateAsDto } from '../dto-validation';
import { NOTE_COLUMN, RowContext, RowError, RowImporter, RowResult, UNCERTAIN_COLUMN } from '../row-importer';
import { SubjectRecords, subjectRef } from '../subject-records';
import { finishAsSystem, linkMissingEvidence, subjectKey } from './claim-steps';

/**
 * commitments.csv: one dated statement a row, of a brand or of a group (`brand` or `company`), with the
 * URLs of the evidence behind it. Natural key: (subject, type, stated_on as stored, first source URL).
 * `supersedes_type` + `supersedes_stated_on` name the subject's earlier commitment this one replaces (for a
 * retraction, also the statement it withdraws).
 */
@Injectable()
export class CommitmentRows implements RowImporter {
  readonly kind = 'commitments';
  readonly columns = {
    allowed: [
      'brand',
      'company',
      'type',
      'stated_on',
      'stated_on_precision',
      'summary',
      'source_urls',
      'scope_tiers',
      'scope_materials',
      'scope_deadline',
      'scope_covers_labour_transfers',
      'supersedes_type',
      'supersedes_stated_on',
      UNCERTAIN_COLUMN,
      NOTE_COLUMN,
    ],
    required: ['type', 'stated_on', 'stated_on_precision', 'summary', 'source_urls'],
  };

  constructor(
    private readonly commitments: CommitmentsService,
    private readonly evidence: EvidenceService,
    private readonly lookup: CatalogueLookup,
    private readonly records: SubjectRecords,
  ) {}

  async importRow(row: CsvRow, context: RowContext): Promise<RowResult> {
    const scope = defined({
      tiers: integers(row, 'scope_tiers'),
      materials: list(row, 'scope_materials'),
      deadline: text(row, 'scope_deadline'),
      coversLabourTransfers: flag(row, 'scope_covers_labour_transfers'),
    });
    const checked = await validateAsDto(
      CreateCommitmentDto,
      defined({
        type: text(row, 'type'),
        statedOn: text(row, 'stated_on'),
        statedOnPrecision: text(row, 'stated_on_precision'),
        summary: text(row, 'summary'),
        scope: Object.keys(scope).length ? scope : undefined,
      }),
      COMMITMENT_COLUMNS,
    );
    if (!checked.ok) throw new RowError(checked.reason);
    const input = checked.value;
    const urls = list(row, 'source_urls') ?? [];
    if (!urls.length) throw new RowError('source_urls: give at least one evidence URL');

    const subject = await this.lookup.subject(text(row, 'brand'), text(row, 'company'));
    const evidenceIds = await this.lookup.evidenceIds(urls);
    const statedOn = normaliseDate(input.statedOn, input.statedOnPrecision);
    const key = `commitment:${subjectKey(subject)}:${input.type}:${statedOn}:${urls[0]}`;
    const own = await this.records.commitmentsOf(subject);
    const existing = own.find(
      (item) =>
        item.type === input.type &&
        item.statedOn === statedOn &&
        item.evidence.some((evidence) => evidence.url === urls[0]),
    );
    if (existing) {
      const linked = await linkMissingEvidence(this.evidence, 'commitment', existing, evidenceIds, context);
      return { outcome: linked ? 'updated' : 'unchanged' };
    }
    if (context.plannedKeys.has(key)) return { outcome: 'unchanged' };
    const supersedesId = this.supersededId(row, subject, own);
    if (context.dryRun) {
      context.plannedKeys.add(key);
      return { outcome: 'created' };
    }
    // A retraction's earlier statement is also what it withdraws: the timeline shows the pair.
    const retractsId = input.type === CommitmentType.Retraction ? supersedesId : undefined;
    const dto = { ...input, evidenceIds, supersedesId, retractsId };
    const ref = subjectRef(subject);
    const created =
      'brand' in ref
        ? await this.commitments.createForBrand(ref.brand, dto, context.actor)
        : await this.commitments.createForCompany(ref.company, dto, context.actor);
    await finishAsSystem(this.commitments, created.id, row, context);
    return { outcome: 'created' };
  }

  /** The earlier commitment named by supersedes_type and supersedes_stated_on (any day of its month or year). */
  private supersededId(row: CsvRow, subject: ImportSubject, own: CommitmentView[]): string | undefined {
    const type = text(row, 'supersedes_type');
    const statedOn = text(row, 'supersedes_stated_on');
    if (type === undefined && statedOn === undefined) return undefined;
    if (type === undefined || statedOn === undefined) {
      throw new RowError('supersedes_type and supersedes_stated_on go together');
    }
    const matches = own.filter(
      (item) =>
        String(item.type) === type &&
        item.status !== ReviewStatus.Rejected &&
        item.statedOn === normaliseDate(statedOn, item.statedOnPrecision),
    );
    if (matches.length !== 1) {
      throw new RowError(
        `supersedes_type: ${matches.length ? 'several' : 'no'} ${type} commitments of ${subjectKey(subject)} stated on ${statedOn}`,
      );
    }
    return matches[0].id;
  }
}

/** DTO fields whose CSV column is spelled differently, for error messages. */
const COMMITMENT_COLUMNS = {
  statedOn: 'stated_on',
  statedOnPrecision: 'stated_on_precision',
  'scope.tiers': 'scope_tiers',
  'scope.materials': 'scope_materials',
  'scope.deadline': 'scope_deadline',
  'scope.coversLabourTransfers': 'scope_covers_labour_transfers',
};
