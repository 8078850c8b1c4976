import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../kernel/dates/is-iso-date';
import { IsHttpUrl } from '../../catalogue/companies/dto/identifier-validators';

/**
 * CSV files travel as a JSON field, like the catalogue import's form (no upload storage); the body parser's
 * 1 MB cap answers a larger file with 413. Larger lists go through the CLI, which streams them.
 */
export class ImportEntityListDto {
  @ApiProperty({
    description: 'entity_id,name,aliases,name_zh,address,country,list_section,added_on,source_url',
  })
  @IsString()
  @IsNotEmpty()
  csv!: string;

  @ApiPropertyOptional({ description: 'The list’s name, on its first import', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ImportSupplierListDto {
  @ApiProperty({ description: 'supplier_id,name,address,country[,os_id]' })
  @IsString()
  @IsNotEmpty()
  csv!: string;

  @ApiProperty({ example: '2024-03-01', description: 'When the brand published this version' })
  @IsIsoDate()
  publishedOn!: string;

  @ApiPropertyOptional({ description: 'Where the brand published it (logged as evidence)', maxLength: 2000 })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2000)
  sourceUrl?: string;
}
