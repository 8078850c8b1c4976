import { Injectable } from '@nestjs/common';
import type { Viewer } from '../kernel/review/visibility';
import type { BrandRecord } from './brand-record';
import { toScoringInput } from './brand-record';
import { toBrandRecord } from './brand-record.mapper';
import { BrandRecordRepository } from './brand-record.repository';
import type { ScorecardView } from './dto/scorecard.view';
import { BrandScore, CURRENT_METHODOLOGY, scoreBrand } from './methodology';
import { recordsById, toScorecardView } from './scorecard-view.mapper';

/** How many of a group's other brands a brand page lists. */
const SIBLINGS_SHOWN = 50;

/**
 * Scorecards: a brand's verified record loaded in one statement (BrandRecordRepository: the brand, its group's
 * brands, the commitments, findings, closures and disclosures of the brand and its group with their evidence
 * and its captures), then scored by the pure methodology engine.
 */
@Injectable()
export class ScorecardsService {
  constructor(private readonly records: BrandRecordRepository) {}

  /** The public record of a brand the reader may see (404 otherwise). Only verified records are loaded. */
  async load(slug: string, viewer: Viewer, asOf: string): Promise<BrandRecord> {
    // One more sibling than shown: the brand itself may be among them.
    const row = await this.records.load(slug, asOf, SIBLINGS_SHOWN + 1);
    return toBrandRecord(slug, row, viewer, SIBLINGS_SHOWN);
  }

  /** Scores a loaded record as of a day: pure, no database. */
  score(record: BrandRecord, asOf: string): BrandScore {
    return scoreBrand(toScoringInput(record), asOf, CURRENT_METHODOLOGY);
  }

  /** `GET /api/brands/:slug/scorecard`. */
  async scorecard(slug: string, asOf: string, viewer: Viewer): Promise<ScorecardView> {
    return (await this.render(slug, asOf, viewer)).card;
  }

  /**
   * The card and every record it can cite by id, built once: the brand page lists the same records as its
   * timeline, so it reuses them instead of shaping them a second time.
   */
  async render(
    slug: string,
    asOf: string,
    viewer: Viewer,
  ): Promise<{ record: BrandRecord; card: ScorecardView; byId: ReturnType<typeof recordsById> }> {
    const record = await this.load(slug, viewer, asOf);
    const byId = recordsById(record);
    return { record, card: toScorecardView(record, this.score(record, asOf), byId), byId };
  }
}
