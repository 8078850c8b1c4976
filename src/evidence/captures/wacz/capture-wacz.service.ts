import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../../platform/http/errors/domain-error';
import { sha256Hex } from '../../archive/blob-store';
import { CapturesService } from '../captures.service';
import { buildCaptureWarc } from './capture-warc';
import { packWacz } from './wacz-package';

export interface WaczFile {
  filename: string;
  bytes: Buffer;
}

/**
 * A capture exported as a WACZ (the web-archive package Perma.cc, ReplayWeb.page and other Webrecorder tools
 * read): built on request from what the archive holds, so it always matches the stored hashes.
 */
@Injectable()
export class CaptureWaczService {
  constructor(private readonly captures: CapturesService) {}

  async export(evidenceId: string, viewer: Viewer, version = 1): Promise<WaczFile> {
    const { capture, title, original } = await this.captures.exportable(evidenceId, viewer, version);
    const wanted = [original.sha256, ...(capture.screenshotSha256 ? [capture.screenshotSha256] : [])];
    const blobs = await this.captures.blobs(wanted);
    const body = blobs.get(original.sha256);
    // A WACZ hashes what it packs, so it would vouch for damaged bytes: export only what matches its address.
    if (!body || sha256Hex(body.content) !== original.sha256) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        `Capture version ${version} of evidence ${evidenceId} cannot be exported: its original bytes are ` +
          'missing or damaged in the archive (npm run cli -- archive:verify names the damaged blobs)',
      );
    }
    const url = capture.finalUrl ?? capture.requestedUrl;
    const description =
      `Evidence ${evidenceId}, capture version ${capture.version} of ${capture.requestedUrl}, ` +
      `archived by Pledgewatch at ${original.capturedAt.toISOString()}`;
    const warc = await buildCaptureWarc({
      url,
      capturedAt: original.capturedAt,
      exchange: original.exchange,
      body: body.content,
      screenshot: capture.screenshotSha256 ? blobs.get(capture.screenshotSha256)?.content : undefined,
      description,
    });
    const bytes = await packWacz({
      warc,
      page: { id: capture.id, url, ts: original.capturedAt, title },
      title: title ?? url,
      description,
      extra: {
        pledgewatch: {
          evidenceId,
          captureId: capture.id,
          version: capture.version,
          requestedUrl: capture.requestedUrl,
          finalUrl: url,
          httpStatus: capture.httpStatus,
          bodySha256: original.sha256,
          htmlSha256: capture.htmlSha256,
          textSha256: capture.textSha256,
          screenshotSha256: capture.screenshotSha256,
        },
      },
      createdAt: new Date(),
    });
    return { filename: `capture-${evidenceId}-v${capture.version}.wacz`, bytes };
  }
}
