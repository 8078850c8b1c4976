import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getBlob, getBlobs } from '../../evidence/archive/blob-store';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, toPage, type Page } from '../../platform/pagination/page';
import { Snapshot } from './snapshot.entity';

export interface SnapshotContent {
  content: Buffer;
  mediaType: string;
}

/** Reading snapshots: a watch's history, and each snapshot's text and screenshot from the archive. */
@Injectable()
export class SnapshotsService {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: string[]): Promise<Map<string, Snapshot>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Snapshot)
      .createQueryBuilder('snapshot')
      .where('snapshot.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Newest first (idx_snapshots_watch_fetched). */
  async pageForWatch(watchId: string, cursor?: string, limit = DEFAULT_PAGE_SIZE): Promise<Page<Snapshot>> {
    const builder = this.dataSource
      .getRepository(Snapshot)
      .createQueryBuilder('snapshot')
      .where('snapshot.watchId = :watchId', { watchId });
    if (cursor) {
      const after = decodeCursor(cursor, ['fetchedAt', 'id'] as const);
      builder.andWhere('(snapshot.fetchedAt, snapshot.id) < (:fetchedAt, :id)', after);
    }
    const rows = await builder
      .orderBy('snapshot.fetchedAt', 'DESC')
      .addOrderBy('snapshot.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ fetchedAt: row.fetchedAt.toISOString(), id: row.id }),
      (row) => row,
    );
  }

  text(id: string): Promise<SnapshotContent> {
    return this.content(id, (snapshot) => snapshot.textSha256);
  }

  /** The texts of many snapshots (a page of the triage queue) in two queries; ids without text are absent. */
  async texts(ids: string[]): Promise<Map<string, string>> {
    const snapshots = await this.byIds(ids);
    const hashes = [...snapshots.values()].map((snapshot) => snapshot.textSha256);
    const blobs = await getBlobs(this.dataSource.manager, hashes);
    const texts = new Map<string, string>();
    for (const [id, snapshot] of snapshots) {
      const blob = blobs.get(snapshot.textSha256);
      if (blob) texts.set(id, blob.content.toString('utf8'));
    }
    return texts;
  }

  screenshot(id: string): Promise<SnapshotContent> {
    return this.content(id, (snapshot) => snapshot.screenshotSha256);
  }

  private async content(id: string, pick: (snapshot: Snapshot) => string | null): Promise<SnapshotContent> {
    const snapshot = await this.dataSource.getRepository(Snapshot).findOne({ where: { id } });
    const sha256 = snapshot ? pick(snapshot) : null;
    const blob = sha256 ? await getBlob(this.dataSource.manager, sha256) : null;
    if (!blob) throw new DomainError(DomainErrorCode.NotFound, `Snapshot ${id} has no such content`);
    return blob;
  }
}
