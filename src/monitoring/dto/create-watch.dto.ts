import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../watches/watch.entity';

export const DEFAULT_INTERVAL_MINUTES = 24 * 60;

export class CreateWatchDto {
  @ApiProperty({ description: 'Slug or id of the brand whose page this is', example: 'zara' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  brand!: string;

  @ApiProperty({ example: 'https://www.example.com/sustainability/supply-chain' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    description: 'CSS selector scoping the page to the part worth watching',
    example: 'main',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  selector?: string;

  @ApiPropertyOptional({
    minimum: MIN_INTERVAL_MINUTES,
    maximum: MAX_INTERVAL_MINUTES,
    default: DEFAULT_INTERVAL_MINUTES,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_INTERVAL_MINUTES)
  @Max(MAX_INTERVAL_MINUTES)
  intervalMinutes?: number;

  @ApiPropertyOptional({ description: 'Render in Chromium (the page builds its text with JavaScript)' })
  @IsOptional()
  @IsBoolean()
  needsBrowser?: boolean;

  @ApiPropertyOptional({ description: 'BCP 47 primary language subtag of the page', example: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a language code like en or zh' })
  language?: string;

  @ApiPropertyOptional({
    description:
      "Names one statement published in several languages: the brand's watches sharing it are compared " +
      'with each other, and a version that drops, softens or contradicts the region statement is flagged',
    example: 'uyghur-region-statement',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'statementGroup must be lowercase letters, digits and dashes' })
  statementGroup?: string;
}
