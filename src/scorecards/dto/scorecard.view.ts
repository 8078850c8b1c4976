import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompanyRef } from '../../catalogue/brands/dto/brand.view';

export class CaptureLink {
  @ApiProperty({ description: 'The archived copy, served inert', example: '/api/evidence/<id>/capture' })
  href!: string;
  @ApiProperty({ description: 'How many versions are archived (1 = the original only)' }) versions!: number;
  @ApiProperty() originalCapturedAt!: string;
}

/** Where the archived copy of a source stands, so a page never passes a failed capture off as pending. */
export class EvidenceArchive {
  @ApiProperty({
    enum: ['archived', 'pending', 'failed', 'none'],
    description: '`none`: nothing to capture (an uploaded document)',
  })
  state!: 'archived' | 'pending' | 'failed' | 'none';
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When the original was captured' })
  capturedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'SHA-256 of the original bytes as fetched, downloadable at originalHref',
  })
  originalSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'SHA-256 of the page as rendered' })
  renderedSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '/api/evidence/<id>/capture/original' })
  originalHref!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '/api/evidence/<id>/capture.wacz' })
  waczHref!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'not found (the page answered 404)' })
  failure!: string | null;
  @ApiPropertyOptional({
    enum: ['alive', 'changed', 'unreachable', 'dead'],
    nullable: true,
    description: 'What the latest re-check of the URL found; null until checked',
  })
  link!: 'alive' | 'changed' | 'unreachable' | 'dead' | null;
  @ApiPropertyOptional({ type: String, nullable: true }) linkCheckedAt!: string | null;
}

export class ScorecardEvidence {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) url!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedOn!: string | null;
  @ApiPropertyOptional({ type: CaptureLink, nullable: true, description: 'Null until archived' })
  capture!: CaptureLink | null;
  @ApiProperty({ type: EvidenceArchive }) archive!: EvidenceArchive;
}

/** The record another one answers: what a retraction withdraws, what a closure ends. */
export class ScorecardPair {
  @ApiProperty({ enum: ['retracts', 'ends'] }) relation!: 'retracts' | 'ends';
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Null when it is not on the public record',
  })
  id!: string | null;
  @ApiProperty({ description: 'What it is, in words, with its date' }) summary!: string;
}

/** A verified record behind (or against) a point. */
export class ScorecardRecord {
  @ApiProperty({ enum: ['commitment', 'finding', 'disclosure', 'closure'] }) record!:
    'commitment' | 'finding' | 'disclosure' | 'closure';
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['brand', 'group'], description: 'Made about the brand or its whole group' })
  level!: 'brand' | 'group';
  @ApiProperty({ description: 'Commitment type, finding kind or disclosure kind' }) type!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'The day it counts from (the as-of rule)' }) effectiveOn!: string;
  @ApiProperty({
    description: 'Its date at the precision its source gives: "June 2020", "2013", "known by ..."',
  })
  dated!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Findings: the day the link ended' })
  endedOn!: string | null;
  @ApiPropertyOptional({ type: ScorecardPair, nullable: true }) pairedWith!: ScorecardPair | null;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [ScorecardEvidence] }) evidence!: ScorecardEvidence[];
}

export class ScorecardIndicator {
  @ApiProperty({ enum: ['commitment', 'disclosure', 'exposureResponse', 'consistency'] }) indicator!: string;
  @ApiProperty() title!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'Which rule gave these points, in words' }) explanation!: string;
  @ApiProperty({ description: 'That rule on the published methodology', example: '/methodology#consistency' })
  ruleUrl!: string;
  @ApiProperty({ type: [ScorecardRecord] }) records!: ScorecardRecord[];
}

export class ScorecardCap {
  @ApiProperty({ description: 'The total before the cap' }) appliedTo!: number;
  @ApiProperty() explanation!: string;
  @ApiProperty({ example: '/methodology#own-facility-cap' }) ruleUrl!: string;
  @ApiProperty({ type: [ScorecardRecord] }) records!: ScorecardRecord[];
}

/** `GET /api/brands/:slug/scorecard`: the grade as of a day, every point traced to verified records. */
export class ScorecardView {
  @ApiProperty() brand!: { slug: string; name: string };
  @ApiPropertyOptional({ type: CompanyRef, nullable: true }) group!: CompanyRef | null;
  @ApiProperty() methodologyVersion!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'False ("not assessed") when there is no verified data' }) assessed!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '0-100' }) total!: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['A', 'B', 'C', 'D', 'E', 'F'] }) grade!: string | null;
  @ApiPropertyOptional({ type: ScorecardCap, nullable: true }) cap!: ScorecardCap | null;
  @ApiProperty({ type: [ScorecardIndicator] }) indicators!: ScorecardIndicator[];
}
