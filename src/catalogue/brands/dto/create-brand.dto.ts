import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  IsAliasList,
  IsCountryCode,
  IsHttpUrl,
  IsLei,
  IsName,
  IsSlug,
  IsWikidataId,
} from '../../companies/dto/identifier-validators';
import { OPEN_SUPPLY_HUB_ID_MAX_LENGTH } from '../../companies/identifiers';
import { IsSectorList } from './sector-list.validator';

export class CreateBrandDto {
  @ApiPropertyOptional({
    description: 'Generated from the name when omitted',
    example: 'zara',
    maxLength: 100,
  })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @ApiProperty({ example: 'Zara', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiPropertyOptional({ type: [String], description: 'Other names, in any script', example: ['飒拉'] })
  @IsOptional()
  @IsAliasList()
  aliases?: string[];

  @ApiPropertyOptional({ description: 'Slug (or id) of the company group', example: 'inditex' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  company?: string;

  @ApiPropertyOptional({ type: [String], example: ['apparel'], description: 'Lower-case sector keys' })
  @IsOptional()
  @IsSectorList()
  sectors?: string[];

  @ApiPropertyOptional({ description: 'Headquarters, ISO 3166-1 alpha-2', example: 'ES' })
  @IsOptional()
  @IsCountryCode()
  hqCountry?: string;

  @ApiPropertyOptional({ example: 'https://www.zara.com' })
  @IsOptional()
  @IsHttpUrl()
  website?: string;

  @ApiPropertyOptional({ example: 'Q147662' })
  @IsOptional()
  @IsWikidataId()
  wikidataId?: string;

  @ApiPropertyOptional({ description: 'Legal Entity Identifier (20 characters)' })
  @IsOptional()
  @IsLei()
  lei?: string;

  @ApiPropertyOptional({ description: 'Open Supply Hub id', example: 'CN2019303BQ3FZP' })
  @IsOptional()
  @IsString()
  @MaxLength(OPEN_SUPPLY_HUB_ID_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9-]{1,100}$/, {
    message: 'openSupplyHubId must be letters, digits and hyphens (at most 100)',
  })
  openSupplyHubId?: string;
}
