import { Injectable } from '@nestjs/common';
import { CreateEvidenceDto } from '../../evidence/sources/dto/create-evidence.dto';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { CatalogueLookup } from '../catalogue-lookup';
import { defined, text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { validateAsDto } from '../dto-validation';
import { NOTE_COLUMN, RowContext, RowError, RowImporter, RowResult } from '../row-importer';

/**
 * evidence.csv: one source a row, keyed by its exact URL. Commitment and finding rows link to evidence by
 * URL, so evidence is imported first. Its archived capture is recorded as pending in the same transaction
 * (the archive's outbox); the worker's reconcile pass queues it (docs/import.md).
 */
@Injectable()
export class EvidenceRows implements RowImporter {
  readonly kind = 'evidence';
  readonly columns = {
    allowed: ['url', 'kind', 'title', 'publisher', 'published_on', 'accessed_on', NOTE_COLUMN],
    required: ['url', 'kind'],
  };

  constructor(
    private readonly evidence: EvidenceService,
    private readonly lookup: CatalogueLookup,
  ) {}

  async importRow(row: CsvRow, context: RowContext): Promise<RowResult> {
    const url = text(row, 'url');
    if (!url) throw new RowError('url: the source URL is required');
    const checked = await validateAsDto(
      CreateEvidenceDto,
      defined({
        url,
        kind: text(row, 'kind'),
        title: text(row, 'title'),
        publisher: text(row, 'publisher'),
        publishedOn: text(row, 'published_on'),
        accessedOn: text(row, 'accessed_on'),
      }),
      EVIDENCE_COLUMNS,
    );
    if (!checked.ok) throw new RowError(checked.reason);
    const key = `evidence:${url}`;
    if (context.plannedKeys.has(key) || (await this.lookup.evidenceByUrl(url)))
      return { outcome: 'unchanged' };
    if (context.dryRun) {
      context.plannedKeys.add(key);
      return { outcome: 'created' };
    }
    const created = await this.evidence.create(checked.value, context.actor);
    if (!context.actor)
      await this.evidence.verifyAsSystem(created.id, text(row, NOTE_COLUMN) ?? context.defaultNote);
    return { outcome: 'created' };
  }
}

/** DTO fields whose CSV column is spelled differently, for error messages. */
const EVIDENCE_COLUMNS = { publishedOn: 'published_on', accessedOn: 'accessed_on' };
