import { Injectable, Logger } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { DataSource } from 'typeorm';
import { FetchError } from '../../../scrapers';
import { Fetchers } from '../../platform/fetching/fetchers.provider';
import { describeUnexpected, UNEXPECTED_ERROR_KIND } from '../../platform/queues/unexpected-error';
import { EvidenceCapture } from './capture.entity';
import { CaptureRecorder } from './capture-recorder';
import { type HostGate, ungated } from './host-slot';
import { takeCapture } from './take-capture';

/** How many tries the job has, for deciding when a transient failure becomes the last word. */
export interface Attempt {
  number: number;
  last: boolean;
}

/**
 * Takes the pending captures of one evidence item (the `capture-evidence` job). Permanent failures (blocked,
 * invalid URL, gone, 4xx) are recorded on the capture; transient ones (and errors nobody classed) are
 * rethrown so BullMQ retries with backoff, and recorded as failed when the last attempt fails too.
 */
@Injectable()
export class CaptureRunner {
  private readonly logger = new Logger(CaptureRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly fetchers: Fetchers,
    private readonly recorder: CaptureRecorder,
  ) {}

  async run(evidenceId: string, attempt: Attempt, gate: HostGate = ungated): Promise<void> {
    const pending = await this.dataSource.getRepository(EvidenceCapture).find({
      where: { evidenceId, state: 'pending' },
      order: { createdAt: 'ASC' },
    });
    for (const capture of pending) await this.runOne(capture, attempt, gate);
  }

  private async runOne(capture: EvidenceCapture, attempt: Attempt, gate: HostGate): Promise<void> {
    let page;
    try {
      page = await gate(capture.requestedUrl, () => takeCapture(this.fetchers, capture.requestedUrl));
    } catch (error) {
      // The host was busy: the job waits in the delayed set, which is not an attempt.
      if (error instanceof DelayedError) throw error;
      if (!(error instanceof FetchError)) {
        // Not classed by anyone: retried like a transient failure, recorded as such on the last attempt.
        if (!attempt.last) throw error;
        await this.recorder.fail(capture.id, UNEXPECTED_ERROR_KIND, describeUnexpected(error));
        this.logger.error(`Capture ${capture.id} failed: ${describeUnexpected(error)}`);
        return;
      }
      if (error.retryable && !attempt.last) throw error;
      const kind = error.retryable ? 'exhausted' : error.kind;
      await this.recorder.fail(capture.id, kind, error.reason, error.status);
      this.logger.warn(`Capture ${capture.id} failed (${kind}): ${error.reason}`);
      return;
    }
    if (page.status >= 400) {
      // A 404 or a bot wall is not what the source said: keep the status, not the page, as the finding.
      await this.recorder.fail(capture.id, 'http_status', `the page answered ${page.status}`, page.status);
      return;
    }
    await this.recorder.complete(capture, page);
  }
}
