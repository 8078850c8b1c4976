import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMMITMENT_TYPES, CommitmentType } from '../../../kernel/as-of/commitment-type';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';
import { IsCountryCode } from '../../companies/dto/identifier-validators';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { SECTOR_PATTERN } from '../sector';

export type CommitmentFilter = 'none' | 'any' | CommitmentType;
export const COMMITMENT_FILTERS: readonly string[] = ['none', 'any', ...COMMITMENT_TYPES];

/** The campaigner's filters (DESIGN.md "Contracts"), shared by the list, the facets and the exports. */
export class BrandFiltersDto {
  @ApiPropertyOptional({ description: 'Part of the name or an alias, any script', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(SECTOR_PATTERN, { message: 'sector must be a lower-case key like apparel' })
  sector?: string;

  @ApiPropertyOptional({ description: 'Headquarters, ISO 3166-1 alpha-2', example: 'GB' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({
    enum: COMMITMENT_FILTERS,
    description:
      'none: no verified commitment of a committing type in force for the brand or its group; any: at least one; ' +
      'or a type: one of that type in force',
  })
  @IsOptional()
  @IsIn(COMMITMENT_FILTERS)
  commitment?: CommitmentFilter;

  @ApiPropertyOptional({ type: Boolean, description: 'Has a verified exposure finding (own or group)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'exposed must be true or false' })
  exposed?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Holds an open, verified finding of a supplier on the UFLPA Entity List (own or group); with ' +
      'commitment=any: brands committed while a listed supplier is on record',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'listedSupplier must be true or false' })
  listedSupplier?: boolean;

  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified brands',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;

  @ApiPropertyOptional({
    description: 'Replay the record as it stood on this day (YYYY-MM-DD); default today',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class ListBrandsQueryDto extends IntersectionType(BrandFiltersDto, PageQueryDto) {}
