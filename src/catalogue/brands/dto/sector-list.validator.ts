import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { SECTOR_PATTERN } from '../sector';

/**
 * A brand's sectors: up to 10 lower-case keys of at most 40 characters, each once (a sector named twice would
 * count the brand twice in that sector's facets).
 */
export const IsSectorList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique({ message: 'sectors must not name a sector twice' }),
    IsString({ each: true }),
    MaxLength(40, { each: true }),
    Matches(SECTOR_PATTERN, {
      each: true,
      message: 'each value in sectors must be a lower-case key like apparel',
    }),
  );
