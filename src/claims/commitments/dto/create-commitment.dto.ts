import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommitmentType } from '../../../kernel/as-of/commitment-type';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { CommitmentScopeDto } from './commitment-scope.dto';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';

/** A new commitment of a brand (POST /api/brands/:slug/commitments) or of a group (/api/companies/:slug/...). */
export class CreateCommitmentDto {
  @ApiProperty({ enum: CommitmentType })
  @IsEnum(CommitmentType)
  type!: CommitmentType;

  @ApiPropertyOptional({ type: CommitmentScopeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CommitmentScopeDto)
  scope?: CommitmentScopeDto;

  @ApiProperty({
    description: 'When it was stated (YYYY-MM-DD; month/year dates may give any day)',
    example: '2021-01-06',
  })
  @IsIsoDate()
  statedOn!: string;

  @ApiProperty({ enum: DatePrecision, description: 'How exactly the source dates it' })
  @IsEnum(DatePrecision)
  statedOnPrecision!: DatePrecision;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary!: string;

  @ApiPropertyOptional({
    description: 'The earlier commitment of the same brand or group that this one replaces',
  })
  @IsOptional()
  @IsUUID()
  supersedesId?: string;

  @ApiPropertyOptional({
    description:
      'For a retraction: the statement it withdraws, a commitment of the same brand or of its group, when known',
  })
  @IsOptional()
  @IsUUID()
  retractsId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Evidence (ids) supporting it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}
