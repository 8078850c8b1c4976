import type { CaptureSummary } from '../evidence/captures/captures.service';
import type { EvidenceArchive } from './dto/scorecard.view';

/** Where a source's archived copy stands, as the scorecard shows it (docs/archiving.md). */
export function toEvidenceArchive(evidenceId: string, capture: CaptureSummary | undefined): EvidenceArchive {
  const archived = capture?.state === 'archived';
  const base = `/api/evidence/${evidenceId}/capture`;
  return {
    state: capture?.state ?? 'none',
    capturedAt: capture?.originalCapturedAt ?? null,
    originalSha256: capture?.originalSha256 ?? null,
    renderedSha256: capture?.renderedSha256 ?? null,
    originalHref: archived && capture.originalSha256 ? `${base}/original` : null,
    waczHref: archived && capture.exportable ? `${base}.wacz` : null,
    failure: capture?.failure ?? null,
    link: capture?.link ?? null,
    linkCheckedAt: capture?.linkCheckedAt ?? null,
  };
}
