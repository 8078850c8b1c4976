import { Injectable } from '@nestjs/common';
import { makeBadge } from 'badge-maker';
import { today } from '../../kernel/dates/today';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import type { Grade } from '../../scorecards/methodology';
import { ScorecardsService } from '../../scorecards/scorecards.service';

/** Badge colours per grade: the same hues as the site's grade tiles. */
const GRADE_COLOURS: Record<Grade, string> = {
  A: '#1d6b35',
  B: '#3c7a1d',
  C: '#6b6200',
  D: '#8a4b00',
  E: '#9c3200',
  F: '#a4161a',
};
const MAX_NAME = 40;

export interface Badge {
  status: 200 | 404;
  svg: string;
}

/**
 * `GET /badge/:slug.svg`: a brand's grade today as an SVG badge (badge-maker, which escapes every text it
 * draws). An unknown brand still gets an image, "unknown brand", with a 404, so an embed never shows broken.
 */
@Injectable()
export class BadgesService {
  constructor(private readonly scorecards: ScorecardsService) {}

  async forBrand(slug: string): Promise<Badge> {
    try {
      const asOf = today();
      const record = await this.scorecards.load(slug, undefined, asOf);
      const score = this.scorecards.score(record, asOf);
      const name =
        record.brand.name.length > MAX_NAME
          ? `${record.brand.name.slice(0, MAX_NAME - 1)}…`
          : record.brand.name;
      return {
        status: 200,
        svg: scalable(
          makeBadge({
            label: `${name} · Pledgewatch`,
            message: score.grade ? `grade ${score.grade}` : 'not assessed',
            color: score.grade ? GRADE_COLOURS[score.grade] : '#5c6470',
            labelColor: '#1b1f24',
          }),
        ),
      };
    } catch (error: unknown) {
      if (!(error instanceof DomainError) || error.code !== DomainErrorCode.NotFound) throw error;
      return {
        status: 404,
        svg: scalable(
          makeBadge({
            label: 'Pledgewatch',
            message: 'unknown brand',
            color: '#5c6470',
            labelColor: '#1b1f24',
          }),
        ),
      };
    }
  }
}

/**
 * badge-maker draws at a fixed width and height with no `viewBox`, so an embed sized by CSS (`width: 12em`)
 * crops the badge instead of scaling it. The viewBox is the drawing's own size.
 */
export function scalable(svg: string): string {
  return svg.replace(
    /^<svg ([^>]*?)width="([\d.]+)" height="([\d.]+)"/,
    (_tag, before: string, width: string, height: string) =>
      `<svg ${before}width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
  );
}
