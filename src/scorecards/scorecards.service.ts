import { Injectable } from '@nestjs/common';
import { BrandsService } from '../catalogue/brands/brands.service';
import { CapturesService } from '../evidence/captures/captures.service';
import { CommitmentsService } from '../claims/commitments/commitments.service';
import { DisclosuresService } from '../claims/disclosures/disclosures.service';
import { ClosuresService } from '../claims/findings/closures/closures.service';
import { FindingsService } from '../claims/findings/findings.service';
import { canSee, Viewer } from '../kernel/review/visibility';
import type { BrandRecord } from './brand-record';
import { toScoringInput } from './brand-record';
import type { ScorecardView } from './dto/scorecard.view';
import { BrandScore, CURRENT_METHODOLOGY, scoreBrand } from './methodology';
import { toScorecardView } from './scorecard-view.mapper';

/** How many of a group's other brands a brand page lists. */
const SIBLINGS_SHOWN = 50;

/**
 * Scorecards: a brand's verified record loaded in a fixed number of batched queries (the brand; commitments,
 * findings and disclosures of the brand and its group, each with its evidence in one more query; the captures
 * of all that evidence; the group's other brands), then scored by the pure methodology engine.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly brands: BrandsService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
    private readonly disclosures: DisclosuresService,
    private readonly closures: ClosuresService,
    private readonly captures: CapturesService,
  ) {}

  /** The public record of a brand the reader may see (404 otherwise). Only verified records are loaded. */
  async load(slug: string, viewer: Viewer, asOf: string): Promise<BrandRecord> {
    const brand = await this.brands.get(slug, viewer);
    const [commitments, findings, disclosures, siblings] = await Promise.all([
      this.commitments.verifiedTimelineForBrand(brand.id, asOf),
      this.findings.verifiedForBrand(brand, asOf),
      this.disclosures.verifiedForBrand(brand.id, brand.companyId),
      brand.companyId ? this.brands.verifiedOfCompany(brand.companyId, SIBLINGS_SHOWN + 1) : [],
    ]);
    const closures = await this.closures.verifiedFor(findings.map((finding) => finding.id));
    const evidenceIds = [...commitments, ...findings, ...disclosures, ...closures].flatMap((r) =>
      r.evidence.map((e) => e.id),
    );
    const group = brand.company && canSee(viewer, brand.company.status) ? brand.company : null;
    return {
      brand,
      group: group ? { slug: group.slug, name: group.name } : null,
      siblings: siblings
        .filter((sibling) => sibling.id !== brand.id)
        .slice(0, SIBLINGS_SHOWN)
        .map((sibling) => ({ slug: sibling.slug, name: sibling.name })),
      commitments,
      findings,
      disclosures,
      closures,
      captures: await this.captures.summaries(evidenceIds),
    };
  }

  /** Scores a loaded record as of a day: pure, no database. */
  score(record: BrandRecord, asOf: string): BrandScore {
    return scoreBrand(toScoringInput(record), asOf, CURRENT_METHODOLOGY);
  }

  /** `GET /api/brands/:slug/scorecard`. */
  async scorecard(slug: string, asOf: string, viewer: Viewer): Promise<ScorecardView> {
    const record = await this.load(slug, viewer, asOf);
    return toScorecardView(record, this.score(record, asOf));
  }
}
