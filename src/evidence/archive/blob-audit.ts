import { MoreThan, type EntityManager } from 'typeorm';
import { Blob } from './blob.entity';
import { contentOf, sha256Hex } from './blob-store';

/** A blob whose bytes are not what its address says they are. */
export interface DamagedBlob {
  sha256: string;
  mediaType: string;
  /** What is wrong, in words: the hash the bytes have now, a wrong size, or why they cannot be read. */
  problem: string;
}

export interface BlobAuditReport {
  checked: number;
  damaged: DamagedBlob[];
}

/** Blobs read per query: screenshots run to megabytes, so a batch stays small. */
const BATCH = 50;

/**
 * Re-hashes every stored blob against the SHA-256 it is addressed by (the hash captures and snapshots
 * report). Walks the table in key order, a batch at a time, so it runs in bounded memory on any archive:
 *   SELECT * FROM blobs WHERE sha256 > $last ORDER BY sha256 LIMIT 50
 */
export async function auditBlobs(manager: EntityManager): Promise<BlobAuditReport> {
  const report: BlobAuditReport = { checked: 0, damaged: [] };
  let after = '';
  for (;;) {
    const batch = await manager.find(Blob, {
      where: after ? { sha256: MoreThan(after) } : {},
      order: { sha256: 'ASC' },
      take: BATCH,
    });
    for (const blob of batch) {
      const problem = problemOf(blob);
      if (problem) report.damaged.push({ sha256: blob.sha256, mediaType: blob.mediaType, problem });
    }
    report.checked += batch.length;
    if (batch.length < BATCH) return report;
    after = batch[batch.length - 1].sha256;
  }
}

function problemOf(blob: Blob): string | undefined {
  let content: Buffer;
  try {
    content = contentOf(blob).content;
  } catch (error) {
    return `cannot be read (${blob.encoding}): ${error instanceof Error ? error.message : String(error)}`;
  }
  const actual = sha256Hex(content);
  if (actual !== blob.sha256) return `bytes hash to ${actual}`;
  if (content.length !== blob.sizeBytes) return `${content.length} bytes where ${blob.sizeBytes} were stored`;
  return undefined;
}
