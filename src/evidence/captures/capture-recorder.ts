import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { putBlob } from '../archive/blob-store';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { EvidenceCapture } from './capture.entity';
import { LinkHealth } from './link-health.entity';
import type { CapturedPage } from './take-capture';

/** What storing a page produced: the version it became and the hash link checks compare. */
export interface StoredCapture {
  captureId: string;
  version: number;
  textSha256: string;
}

/**
 * Writes capture outcomes. Versions of one evidence item are numbered under a transaction-scoped advisory
 * lock on the evidence id, so two workers finishing at once cannot both take version 1.
 */
@Injectable()
export class CaptureRecorder {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Turns a pending capture into a done one; the first done capture of an evidence item is the original. */
  complete(capture: EvidenceCapture, page: CapturedPage): Promise<StoredCapture> {
    return this.dataSource.transaction(async (manager) => {
      const version = await this.nextVersion(manager, capture.evidenceId);
      const hashes = await storeBlobs(manager, page);
      const { affected } = await manager
        .getRepository(EvidenceCapture)
        .update(
          { id: capture.id, state: 'pending' },
          { ...pageColumns(page), ...hashes, state: 'done', version, error: null, errorKind: null },
        );
      // Another worker finished this capture first: its version stands, nothing more to write here.
      if (!affected) return { captureId: capture.id, version: 0, textSha256: hashes.textSha256 };
      if (version === 1) await this.startLinkHealth(manager, capture.evidenceId, capture.requestedUrl);
      return { captureId: capture.id, version, textSha256: hashes.textSha256 };
    });
  }

  /** Stores a later version found by a link check, inside the check's own transaction. */
  async addVersion(
    manager: EntityManager,
    evidenceId: string,
    requestedUrl: string,
    page: CapturedPage,
  ): Promise<StoredCapture> {
    const version = await this.nextVersion(manager, evidenceId);
    const hashes = await storeBlobs(manager, page);
    const { identifiers } = await manager.getRepository(EvidenceCapture).insert({
      evidenceId,
      requestedUrl,
      reason: 'changed',
      state: 'done',
      version,
      ...pageColumns(page),
      ...hashes,
    });
    return { captureId: (identifiers[0] as { id: string }).id, version, textSha256: hashes.textSha256 };
  }

  /** A permanent failure (or retries used up): recorded on the capture, which stays without a copy. */
  async fail(captureId: string, kind: string, message: string, httpStatus?: number): Promise<void> {
    await this.dataSource
      .getRepository(EvidenceCapture)
      .update(
        { id: captureId, state: 'pending' },
        { state: 'failed', errorKind: kind, error: message.slice(0, 2000), httpStatus: httpStatus ?? null },
      );
  }

  private async nextVersion(manager: EntityManager, evidenceId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [evidenceId]);
    const [row] = await manager.query<Array<{ latest: number | null }>>(
      `SELECT max(version) AS latest FROM evidence_captures WHERE evidence_id = $1`,
      [evidenceId],
    );
    return (row?.latest ?? 0) + 1;
  }

  private async startLinkHealth(manager: EntityManager, evidenceId: string, url: string): Promise<void> {
    const nextCheckAt = new Date(Date.now() + this.config.archiving.linkCheckIntervalHours * 3600_000);
    await manager
      .createQueryBuilder()
      .insert()
      .into(LinkHealth)
      .values({ evidenceId, url, state: 'alive', nextCheckAt })
      .orIgnore()
      .execute();
  }
}

function pageColumns(page: CapturedPage) {
  return {
    finalUrl: page.finalUrl,
    httpStatus: page.status,
    contentType: page.contentType || null,
    httpExchange: page.body === undefined ? null : (page.exchange ?? null),
    capturedAt: page.fetchedAt,
  };
}

async function storeBlobs(manager: EntityManager, page: CapturedPage) {
  const put = async (content: Buffer | string | undefined, mediaType: string) =>
    content === undefined ? null : (await putBlob(manager, content, mediaType)).sha256;
  return {
    htmlSha256: await put(page.html, 'text/html; charset=utf-8'),
    textSha256: (await put(page.text, 'text/plain; charset=utf-8')) as string,
    screenshotSha256: await put(page.screenshot, 'image/png'),
    bodySha256: await put(page.body, page.contentType || 'application/octet-stream'),
  };
}
