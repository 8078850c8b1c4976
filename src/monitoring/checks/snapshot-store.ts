import type { EntityManager } from 'typeorm';
import type { ExtractedPage, FetchResult } from '../../../scrapers';
import { getBlob, putBlob } from '../../evidence/archive/blob-store';
import { Snapshot } from './snapshot.entity';

/** Stores a version of a page and reads one back, inside the caller's transaction. */
export class SnapshotStore {
  constructor(private readonly manager: EntityManager) {}

  findById(id: string): Promise<Snapshot | null> {
    return this.manager.getRepository(Snapshot).findOne({ where: { id } });
  }

  /** The extracted page a snapshot was judged on: the "before" of the next comparison. */
  async page(snapshot: Snapshot): Promise<ExtractedPage | undefined> {
    const blob = await getBlob(this.manager, snapshot.pageSha256);
    return blob ? (JSON.parse(blob.content.toString('utf8')) as ExtractedPage) : undefined;
  }

  /**
   * Stores the version (its blobs first) unless this watch already has one with that hash (a retried job,
   * or a page that went back to an earlier text); either way returns the snapshot of that hash.
   */
  async save(watchId: string, hash: string, result: FetchResult, page: ExtractedPage): Promise<Snapshot> {
    const body = await putBlob(this.manager, result.body, result.contentType || 'application/octet-stream');
    const text = await putBlob(this.manager, page.mainText, 'text/plain; charset=utf-8');
    const extracted = await putBlob(this.manager, JSON.stringify(page), 'application/json');
    const screenshot = result.screenshot ? await putBlob(this.manager, result.screenshot, 'image/png') : null;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(Snapshot)
      .values({
        watchId,
        contentHash: hash,
        fetchedAt: result.fetchedAt,
        finalUrl: result.finalUrl,
        httpStatus: result.status,
        via: result.via,
        title: page.title,
        language: page.language,
        bodySha256: body.sha256,
        textSha256: text.sha256,
        pageSha256: extracted.sha256,
        screenshotSha256: screenshot?.sha256 ?? null,
      })
      .orIgnore()
      .execute();
    return this.manager.getRepository(Snapshot).findOneOrFail({ where: { watchId, contentHash: hash } });
  }
}
