import type { EntityManager } from 'typeorm';
import type { CompareResult } from '../../../scrapers';
import type { GoneVerdict } from '../checks/page-verdict';
import type { Watch } from '../watches/watch.entity';
import { Flag } from './flag.entity';

/**
 * Raises flags inside a check's transaction. Both inserts are ON CONFLICT DO NOTHING against the partial
 * unique indexes, so a retried or duplicated check raises nothing twice.
 */
export class FlagWriter {
  constructor(private readonly manager: EntityManager) {}

  /** One flag per change between two snapshots; `none` never reaches a reviewer. */
  async raiseChange(
    watch: Watch,
    oldSnapshotId: string,
    newSnapshotId: string,
    diff: CompareResult,
  ): Promise<Flag | undefined> {
    if (diff.significance === 'none') return undefined;
    return this.insert({
      watchId: watch.id,
      brandId: watch.brandId,
      kind: 'change',
      significance: diff.significance,
      score: diff.score,
      added: diff.added,
      removed: diff.removed,
      terms: diff.terms,
      reasons: diff.reasons,
      oldSnapshotId,
      newSnapshotId,
    });
  }

  /** One flag per disappearance, however many checks find the page gone. */
  async raisePageGone(watch: Watch, verdict: GoneVerdict): Promise<Flag | undefined> {
    return this.insert({
      watchId: watch.id,
      brandId: watch.brandId,
      kind: 'page_gone',
      significance: 'major',
      score: 1,
      reasons: [verdict.reason],
      oldSnapshotId: watch.currentSnapshotId,
      httpStatus: verdict.status,
    });
  }

  /**
   * One flag per pair of versions that disagree across languages: on the watch whose version departs from the
   * statement, old = the version that keeps it (another watch's snapshot), new = the departing version.
   */
  async raiseLanguageMismatch(
    departed: Watch,
    keptSnapshotId: string,
    departedSnapshotId: string,
    reason: string,
  ): Promise<Flag | undefined> {
    return this.insert({
      watchId: departed.id,
      brandId: departed.brandId,
      kind: 'language_mismatch',
      significance: 'major',
      score: 1,
      reasons: [reason],
      oldSnapshotId: keptSnapshotId,
      newSnapshotId: departedSnapshotId,
    });
  }

  /** The page answers again: close the disappearance, so a later one raises a flag of its own. */
  async markReturned(watchId: string): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(Flag)
      .set({ returnedAt: () => 'now()' })
      .where(`watch_id = :watchId AND kind = 'page_gone' AND returned_at IS NULL`, { watchId })
      .execute();
  }

  /** The new flag, or undefined when an equal one was there already. */
  private async insert(values: Partial<Flag>): Promise<Flag | undefined> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(Flag)
      // Millisecond timestamps from here, not now()'s microseconds, so keyset cursors round-trip exactly.
      .values({ ...values, createdAt: new Date() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [row] = result.raw as Array<{ id: string }>;
    return row ? this.manager.getRepository(Flag).findOneByOrFail({ id: row.id }) : undefined;
  }
}
