import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { addJob } from '../../platform/queues/add-job';
import { CAPTURE_JOB_OPTIONS, QueueName } from '../../platform/queues/queue-catalogue';
import { captureJobId } from './capture-outbox';

/** Redis may be away; the HTTP request that logged the evidence must not wait for it. */
const ENQUEUE_WAIT_MS = 2_000;

/** The API side of captures: enqueues the job for a capture already recorded as pending. */
@Injectable()
export class CaptureScheduler {
  private readonly logger = new Logger(CaptureScheduler.name);

  constructor(@InjectQueue(QueueName.Captures) private readonly queue: Queue) {}

  /**
   * Best effort, after the evidence's transaction committed: when Redis is unreachable this logs and
   * returns, and the worker's reconcile pass enqueues the pending capture later (same jobId, so never twice).
   */
  async enqueueCapture(evidenceId: string): Promise<void> {
    const adding = addJob(
      this.queue,
      'capture-evidence',
      { evidenceId },
      { ...CAPTURE_JOB_OPTIONS, jobId: captureJobId(evidenceId) },
    );
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ENQUEUE_WAIT_MS);
    });
    try {
      const outcome = await Promise.race([adding, gaveUp]);
      if (outcome === 'timeout') this.deferred(evidenceId, 'Redis did not answer in time');
    } catch (error) {
      this.deferred(evidenceId, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      adding.catch(() => undefined);
    }
  }

  private deferred(evidenceId: string, reason: string): void {
    this.logger.warn(`Capture of evidence ${evidenceId} left to the reconcile pass: ${reason}`);
  }
}
