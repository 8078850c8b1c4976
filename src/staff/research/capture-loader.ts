import { CapturesService } from '../../evidence/captures/captures.service';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../kernel/review/visibility';
import type { CaptureSummary } from './capture-panel';

/** How much of the captured text a page shows; the whole text is one link away. */
const TEXT_EXCERPT_CHARS = 4000;

/** Reads what the archive holds for evidence, for showing it beside the evidence. */
@Injectable()
export class CaptureLoader {
  constructor(private readonly captures: CapturesService) {}

  async summaryOf(evidenceId: string, viewer: Viewer): Promise<CaptureSummary> {
    const captures = await this.captures.list(evidenceId, viewer);
    const hasOriginal = captures.items.some((capture) => capture.state === 'done' && capture.version === 1);
    let text: string | null = null;
    if (hasOriginal) {
      try {
        const { content } = await this.captures.content(evidenceId, 'text', viewer);
        const full = content.toString('utf8');
        text = full.length > TEXT_EXCERPT_CHARS ? `${full.slice(0, TEXT_EXCERPT_CHARS)}…` : full;
      } catch {
        // A capture without text (a PDF, an image): the panel shows the rest.
      }
    }
    return { captures, text };
  }

  async summariesOf(evidenceIds: string[], viewer: Viewer): Promise<Map<string, CaptureSummary>> {
    const summaries = await Promise.all(evidenceIds.map((id) => this.summaryOf(id, viewer)));
    return new Map(evidenceIds.map((id, index) => [id, summaries[index]]));
  }
}
