import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FetchError } from '../../../scrapers';
import { Fetchers } from '../../platform/fetching/fetchers.provider';
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
 * invalid URL, gone, 4xx) are recorded on the capture; transient ones are rethrown so BullMQ retries with
 * backoff, and recorded as failed only when the last attempt fails too.
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
      if (!(error instanceof FetchError)) throw error;
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
