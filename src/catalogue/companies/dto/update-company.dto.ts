import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { CreateCompanyDto } from './create-company.dto';
import { IsAliasList, IsName } from './identifier-validators';

/**
 * Any field but the slug (public URLs and badges depend on it). Null clears an optional field; name and
 * aliases cannot be null.
 */
export class UpdateCompanyDto extends PartialType(
  OmitType(CreateCompanyDto, ['slug', 'name', 'aliases'] as const),
) {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_, value) => value !== undefined)
  @IsName()
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_, value) => value !== undefined)
  @IsAliasList()
  aliases?: string[];
}
