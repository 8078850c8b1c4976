import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  IsAliasList,
  IsCountryCode,
  IsHttpUrl,
  IsLei,
  IsName,
  IsSlug,
  IsWikidataId,
} from './identifier-validators';

export class CreateCompanyDto {
  @ApiPropertyOptional({
    description: 'Generated from the name when omitted',
    example: 'inditex',
    maxLength: 100,
  })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @ApiProperty({ example: 'Inditex SA', maxLength: 200 })
  @IsName()
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Other names, in any script',
    example: ['Industria de Diseño Textil'],
  })
  @IsOptional()
  @IsAliasList()
  aliases?: string[];

  @ApiPropertyOptional({ description: 'Headquarters, ISO 3166-1 alpha-2', example: 'ES' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'https://www.inditex.com' })
  @IsOptional()
  @IsHttpUrl()
  website?: string;

  @ApiPropertyOptional({ example: 'Q207491' })
  @IsOptional()
  @IsWikidataId()
  wikidataId?: string;

  @ApiPropertyOptional({
    example: '549300JVNM9HJOLE4T39',
    description: 'Legal Entity Identifier (20 characters)',
  })
  @IsOptional()
  @IsLei()
  lei?: string;
}
