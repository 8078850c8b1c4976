import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { IsHttpUrl } from '../../../catalogue/companies/dto/identifier-validators';
import { DisclosureKind } from '../disclosure-kind';

/** A new disclosure of a brand (POST /api/brands/:slug/disclosures) or of a group (/api/companies/:slug/...). */
export class CreateDisclosureDto {
  @ApiProperty({ enum: DisclosureKind })
  @IsEnum(DisclosureKind)
  kind!: DisclosureKind;

  @ApiProperty({ description: 'When it was published (YYYY-MM-DD; month/year dates may give any day)' })
  @IsIsoDate()
  disclosedOn!: string;

  @ApiProperty({ enum: DatePrecision, description: 'How exactly the source dates it' })
  @IsEnum(DatePrecision)
  disclosedOnPrecision!: DatePrecision;

  @ApiPropertyOptional({ description: 'When it was taken down or went stale (YYYY-MM-DD)' })
  @IsOptional()
  @IsIsoDate()
  withdrawnOn?: string;

  @ApiProperty({ description: 'Where the disclosure is published', example: 'https://example.com/suppliers' })
  @IsHttpUrl()
  url!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ type: [String], description: 'Evidence (ids) supporting it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}
