import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewStatus } from '../../../kernel/review/review-status';
import type { Company } from '../company.entity';

/** A company as the API returns it. */
export class CompanyView {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) country!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wikidataId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lei!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
}

export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    slug: company.slug,
    name: company.name,
    aliases: company.aliases,
    country: company.country,
    website: company.website,
    wikidataId: company.wikidataId,
    lei: company.lei,
    status: company.status,
    createdAt: company.createdAt.toISOString(),
    reviewedAt: company.reviewedAt?.toISOString() ?? null,
    reviewNote: company.reviewNote,
  };
}
