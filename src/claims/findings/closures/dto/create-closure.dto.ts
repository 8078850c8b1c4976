import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  IsOptional,
} from 'class-validator';
import { IsIsoDate } from '../../../../kernel/dates/is-iso-date';
import { ClosureReason } from '../closure-reason';

/** POST /api/findings/:id/closures: the finding ended on a day, for a reason, shown by its own evidence. */
export class CreateClosureDto {
  @ApiProperty({ description: 'The first day the link no longer held (YYYY-MM-DD)', example: '2024-11-27' })
  @IsIsoDate()
  endedOn!: string;

  @ApiProperty({ enum: ClosureReason })
  @IsEnum(ClosureReason)
  reason!: ClosureReason;

  @ApiProperty({ maxLength: 2000, description: 'What happened, in a sentence or two' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary!: string;

  @ApiPropertyOptional({ type: [String], description: 'Evidence (ids) showing the end' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}
