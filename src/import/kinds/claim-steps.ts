import type { EvidenceService } from '../../evidence/sources/evidence.service';
import type { ImportSubject } from '../catalogue-lookup';
import { text } from '../cells';
import type { CsvRow } from '../csv-rows';
import { NOTE_COLUMN, RowContext, UNCERTAIN_COLUMN } from '../row-importer';

/** What commitments and findings share for the system's review step. */
interface SystemReviewable {
  verifyAsSystem(id: string, note: string): Promise<unknown>;
  submitAsSystem(id: string, note: string): Promise<unknown>;
}

/**
 * The seed rule for a claim the system imported: verified on the system's authority, unless the row says
 * why it is uncertain; then it waits for a reviewer, submitted, with that reason as the note. A user's
 * import leaves drafts for the user to submit.
 */
export async function finishAsSystem(
  service: SystemReviewable,
  id: string,
  row: CsvRow,
  context: RowContext,
): Promise<void> {
  if (context.actor) return;
  const uncertain = text(row, UNCERTAIN_COLUMN);
  if (uncertain) {
    await service.submitAsSystem(id, `Uncertain: ${uncertain}`);
    return;
  }
  await service.verifyAsSystem(id, text(row, NOTE_COLUMN) ?? context.defaultNote);
}

/**
 * Links the row's evidence that an existing commitment or finding does not have yet (a source added to a
 * row already imported). Returns whether anything was (or, in a dry run, would be) linked.
 */
export async function linkMissingEvidence(
  evidence: EvidenceService,
  owner: 'commitment' | 'finding',
  existing: { id: string; evidence: Array<{ id: string }> },
  evidenceIds: string[],
  context: RowContext,
): Promise<boolean> {
  const have = new Set(existing.evidence.map((item) => item.id));
  const missing = [...new Set(evidenceIds)].filter((id) => !have.has(id));
  if (!context.dryRun) {
    for (const id of missing) {
      await evidence.link(
        id,
        owner === 'commitment' ? { commitmentIds: [existing.id] } : { findingIds: [existing.id] },
        context.actor,
      );
    }
  }
  return missing.length > 0;
}

export function subjectKey(subject: ImportSubject): string {
  return 'brand' in subject ? `brand ${subject.brand.slug}` : `company ${subject.company.slug}`;
}
