import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewStatus } from '../../../kernel/review/review-status';

export class CompanyRef {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

/** A brand as the API returns it. */
export class BrandView {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiPropertyOptional({
    type: CompanyRef,
    nullable: true,
    description: 'Null when unknown or not visible to you',
  })
  company!: CompanyRef | null;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) hqCountry!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) website!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wikidataId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lei!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) openSupplyHubId!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
}

/** A row of the campaigner list: the brand and what holds for it as of the asked date. */
export class BrandListItem extends BrandView {
  @ApiProperty({ type: [String], description: 'Types of the verified commitments in force (own and group)' })
  commitmentTypes!: string[];
  @ApiProperty({ description: 'Has a verified exposure finding (own or group)' }) exposed!: boolean;
}

export class FacetCount {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class BrandFacets {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [FacetCount] }) sectors!: FacetCount[];
  @ApiProperty({ type: [FacetCount] }) countries!: FacetCount[];
  @ApiProperty({ description: 'Counts by commitment status: any, none, and per type in force' })
  commitment!: { any: number; none: number; types: FacetCount[] };
}
