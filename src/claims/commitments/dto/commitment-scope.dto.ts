import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';

/** The shape of `scope` (stored as JSONB); unknown keys are refused like anywhere else. */
export class CommitmentScopeDto {
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Supply-chain tiers covered: 1 manufacturing, 2 processing, 3 raw-material processing, 4 raw materials',
    example: [1, 2, 3, 4],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(4, { each: true })
  tiers?: number[];

  @ApiPropertyOptional({ type: [String], example: ['cotton', 'polysilicon'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(/^[a-z0-9][a-z0-9 -]*$/, {
    each: true,
    message: 'each value in materials must be a lower-case word',
  })
  materials?: string[];

  @ApiPropertyOptional({ description: 'By when it is to be met (YYYY-MM-DD)', example: '2025-12-31' })
  @IsOptional()
  @IsIsoDate()
  deadline?: string;

  @ApiPropertyOptional({
    description: 'Also covers Uyghur workers transferred to factories outside the region',
  })
  @IsOptional()
  @IsBoolean()
  coversLabourTransfers?: boolean;
}
