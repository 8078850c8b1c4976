import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type BlobContent, getBlob, getBlobs } from '../archive/blob-store';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { EvidenceService } from '../sources/evidence.service';
import type { Viewer } from '../../kernel/review/visibility';
import { EvidenceCapture } from './capture.entity';
import { captureFailureReason } from './capture-failure';
import { type CaptureSummary, captureSummaries } from './capture-summaries';
import type { RecordedExchange } from './take-capture';
import { CaptureListView, toCaptureView, toLinkHealthView } from './dto/capture.view';
import { LinkCheck } from './link-check.entity';
import { LinkHealth } from './link-health.entity';

const RECENT_CHECKS = 20;

export type { CaptureSummary } from './capture-summaries';

export type CapturePart = 'html' | 'text' | 'screenshot' | 'original';

const HASH_OF_PART: { [Part in CapturePart]: (capture: EvidenceCapture) => string | null } = {
  html: (capture) => capture.htmlSha256,
  text: (capture) => capture.textSha256,
  screenshot: (capture) => capture.screenshotSha256,
  original: (capture) => capture.bodySha256,
};

export interface CaptureContent {
  capture: EvidenceCapture;
  content: Buffer;
  sha256: string;
}

export interface ExportableCapture {
  capture: EvidenceCapture;
  /** The evidence's title, to name the export. */
  title: string | null;
  /** The original's address in the blob store and the exchange it came from. */
  original: { sha256: string; exchange: RecordedExchange; capturedAt: Date };
}

/**
 * Reading the archive. Visibility follows the evidence: whoever may read the evidence may read its
 * captures, and anything else is a 404 that does not tell drafts exist.
 */
@Injectable()
export class CapturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {}

  async list(evidenceId: string, viewer: Viewer): Promise<CaptureListView> {
    await this.evidence.get(evidenceId, viewer);
    const captures = await this.dataSource.getRepository(EvidenceCapture).find({
      where: { evidenceId },
      order: { createdAt: 'ASC' },
    });
    const health = await this.dataSource.getRepository(LinkHealth).findOneBy({ evidenceId });
    const checks = health
      ? await this.dataSource.getRepository(LinkCheck).find({
          where: { evidenceId },
          order: { checkedAt: 'DESC' },
          take: RECENT_CHECKS,
        })
      : [];
    return {
      items: captures.map(toCaptureView),
      nextCursor: null,
      linkHealth: health ? toLinkHealthView(health, checks) : null,
    };
  }

  /**
   * Where the archive stands for many pieces of evidence, in one query (for scorecards and brand pages):
   * archived, pending or failed, with the original's hashes and the link health. No visibility rule: callers
   * pass evidence their reader may see.
   */
  summaries(evidenceIds: string[]): Promise<Map<string, CaptureSummary>> {
    return captureSummaries(this.dataSource.manager, evidenceIds);
  }

  /** One part of a done capture; version 1 (the original) unless asked otherwise. */
  async content(evidenceId: string, part: CapturePart, viewer: Viewer, version = 1): Promise<CaptureContent> {
    await this.evidence.get(evidenceId, viewer);
    const capture = await this.dataSource
      .getRepository(EvidenceCapture)
      .findOneBy({ evidenceId, version, state: 'done' });
    if (!capture) throw await this.notCaptured(evidenceId, version);
    const sha256 = HASH_OF_PART[part](capture);
    if (!sha256 && part === 'original') throw noOriginal(evidenceId, version);
    const blob = sha256 ? await getBlob(this.dataSource.manager, sha256) : null;
    if (!sha256 || !blob) {
      throw new DomainError(
        DomainErrorCode.NotFound,
        `Capture version ${version} of evidence ${evidenceId} has no ${part}`,
      );
    }
    return { capture, content: blob.content, sha256 };
  }

  /**
   * The done capture to export whole (WACZ), version 1 unless asked otherwise. A pending or failed capture is
   * a conflict that says why, not a 404: the evidence exists, its archived copy does not.
   */
  async exportable(evidenceId: string, viewer: Viewer, version = 1): Promise<ExportableCapture> {
    const evidence = await this.evidence.get(evidenceId, viewer);
    const capture = await this.dataSource
      .getRepository(EvidenceCapture)
      .findOneBy({ evidenceId, version, state: 'done' });
    if (!capture) {
      if (version > 1) throw await this.notCaptured(evidenceId, version);
      const latest = await this.dataSource
        .getRepository(EvidenceCapture)
        .findOne({ where: { evidenceId }, order: { createdAt: 'DESC' } });
      if (latest?.state === 'failed')
        throw new DomainError(
          DomainErrorCode.InvalidState,
          `capture failed: ${captureFailureReason(latest)}`,
        );
      throw new DomainError(
        DomainErrorCode.InvalidState,
        `capture pending: evidence ${evidenceId} is not archived yet; try again shortly`,
      );
    }
    const { bodySha256, httpExchange, capturedAt } = capture;
    if (!bodySha256 || !httpExchange || !capturedAt) throw noOriginal(evidenceId, version);
    return {
      capture,
      title: evidence.title,
      original: { sha256: bodySha256, exchange: httpExchange, capturedAt },
    };
  }

  /** Blobs of a capture by hash, for building an export; a hash with no blob is absent from the map. */
  blobs(sha256s: string[]): Promise<Map<string, BlobContent>> {
    return getBlobs(this.dataSource.manager, sha256s);
  }

  private async notCaptured(evidenceId: string, version: number): Promise<DomainError> {
    const attempts = await this.dataSource.getRepository(EvidenceCapture).find({
      select: { state: true, error: true },
      where: { evidenceId },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    const latest = attempts[0];
    const why =
      version > 1 || !latest
        ? `Evidence ${evidenceId} has no capture version ${version}`
        : latest.state === 'pending'
          ? `Evidence ${evidenceId} is not captured yet; try again shortly`
          : `Evidence ${evidenceId} could not be captured: ${latest.error ?? 'unknown reason'}`;
    return new DomainError(DomainErrorCode.NotFound, why);
  }
}

function noOriginal(evidenceId: string, version: number): DomainError {
  return new DomainError(
    DomainErrorCode.InvalidState,
    `Capture version ${version} of evidence ${evidenceId} has no original bytes: it was taken before ` +
      'Pledgewatch kept them, or the browser could not read them off the network. ' +
      `Its rendered copy is at /api/evidence/${evidenceId}/capture`,
  );
}
