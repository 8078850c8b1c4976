import type { EntityManager } from 'typeorm';
import { EvidenceCapture } from './capture.entity';

/**
 * Records that an evidence URL must be archived. Call it inside the transaction that logs the evidence: the
 * pending row is the outbox, so the capture happens even when Redis is away at that moment (the reconcile
 * pass enqueues it later). After the commit, call `CaptureScheduler.enqueueCapture(evidenceId)`.
 */
export async function recordPendingCapture(
  manager: EntityManager,
  evidenceId: string,
  url: string,
): Promise<void> {
  await manager.getRepository(EvidenceCapture).insert({ evidenceId, requestedUrl: url, state: 'pending' });
}

/**
 * `capture:<evidenceId>:logged`. BullMQ refuses custom ids with a colon unless they have exactly three
 * parts (its own repeat-job format), so the plain `capture:<evidenceId>` is not possible.
 */
export function captureJobId(evidenceId: string): string {
  return `capture:${evidenceId}:logged`;
}
