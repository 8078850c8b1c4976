import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsAliasList, IsName } from '../../companies/dto/identifier-validators';
import { IsSectorList } from './sector-list.validator';
import { CreateBrandDto } from './create-brand.dto';

/**
 * Any field but the slug (public URLs and badges depend on it). Null clears an optional field (company
 * null detaches the brand from its group); name, aliases and sectors cannot be null.
 */
export class UpdateBrandDto extends PartialType(
  OmitType(CreateBrandDto, ['slug', 'name', 'aliases', 'sectors'] as const),
) {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_, value) => value !== undefined)
  @IsName()
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_, value) => value !== undefined)
  @IsAliasList()
  aliases?: string[];

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_, value) => value !== undefined)
  @IsSectorList()
  sectors?: string[];
}
