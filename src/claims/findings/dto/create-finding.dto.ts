import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { FindingKind, FindingResponse } from '../finding-kind';

export class CreateFindingDto {
  @ApiProperty({ enum: FindingKind })
  @IsEnum(FindingKind)
  kind!: FindingKind;

  @ApiPropertyOptional({ example: 'Uyghurs for Sale (ASPI)', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reportName?: string;

  @ApiProperty({ example: '2020-03-01' })
  @IsIsoDate()
  publishedOn!: string;

  @ApiProperty({ enum: DatePrecision })
  @IsEnum(DatePrecision)
  publishedOnPrecision!: DatePrecision;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'finding must not be blank' })
  finding!: string;

  @ApiPropertyOptional({ enum: FindingResponse, default: FindingResponse.Unknown })
  @IsOptional()
  @IsEnum(FindingResponse)
  response?: FindingResponse;

  @ApiPropertyOptional({ description: 'When the link ended, e.g. a facility sold (YYYY-MM-DD)' })
  @IsOptional()
  @IsIsoDate()
  endedOn?: string;

  @ApiPropertyOptional({ type: [String], description: 'Evidence (ids) supporting it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

/** POST /api/findings names its subject in the body; the nested routes take it from the path. */
export class CreateFindingWithSubjectDto extends CreateFindingDto {
  @ApiPropertyOptional({ description: 'Brand slug or id (give brand or company)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;

  @ApiPropertyOptional({ description: 'Company slug or id (give brand or company)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  company?: string;
}
