import type { EntityManager } from 'typeorm';
import { crossLanguageInconsistency, type ExtractedPage, type LanguageVersion } from '../../../scrapers';
import type { Flag } from '../flags/flag.entity';
import { FlagWriter } from '../flags/flag-writer';
import type { Watch } from '../watches/watch.entity';
import type { WatchesRepository } from '../watches/watches.repository';
import { SnapshotStore } from './snapshot-store';

interface Member {
  watch: Watch;
  snapshotId: string;
  version: LanguageVersion;
}

/**
 * After a grouped watch stored a new version: compares it with the current versions of the brand's other
 * watches of the same statement group (its other languages) and raises one major `language_mismatch` flag
 * when one keeps the region statement and another drops, softens or contradicts it (issue 16).
 */
export async function checkLanguageGroup(
  manager: EntityManager,
  watches: WatchesRepository,
  checked: { watch: Watch; snapshotId: string; page: ExtractedPage },
): Promise<Flag | undefined> {
  if (!checked.watch.statementGroup) return undefined;
  const store = new SnapshotStore(manager);
  const members: Member[] = [memberOf(checked.watch, checked.snapshotId, checked.page)];
  for (const other of await watches.groupMembers(checked.watch, manager)) {
    if (other.id === checked.watch.id || !other.currentSnapshotId) continue;
    const snapshot = await store.findById(other.currentSnapshotId);
    const page = snapshot ? await store.page(snapshot) : undefined;
    if (snapshot && page) members.push(memberOf(other, snapshot.id, page));
  }
  if (members.length < 2) return undefined;
  const verdict = crossLanguageInconsistency(members.map((member) => member.version));
  if (!verdict) return undefined;
  const kept = members.find((member) => member.version === verdict.kept);
  const departed = members.find((member) => member.version === verdict.departed);
  if (!kept || !departed) return undefined;
  return new FlagWriter(manager).raiseLanguageMismatch(
    departed.watch,
    kept.snapshotId,
    departed.snapshotId,
    verdict.reason.slice(0, 4000),
  );
}

function memberOf(watch: Watch, snapshotId: string, page: ExtractedPage): Member {
  const language = watch.language ?? page.language;
  return { watch, snapshotId, version: { id: watch.id, url: watch.url, language, page } };
}
