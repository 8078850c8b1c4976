import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ReviewDecision } from '../review-workflow';

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['verify', 'reject'] })
  @IsIn(['verify', 'reject'])
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'Why; required when rejecting', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
