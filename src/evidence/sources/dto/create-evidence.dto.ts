import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';
import { IsHttpUrl } from '../../../catalogue/companies/dto/identifier-validators';
import { EvidenceKind } from '../evidence-kind';

export class CreateEvidenceDto {
  @ApiPropertyOptional({ description: 'The source; required unless documentRef is given', maxLength: 2000 })
  @IsOptional()
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({
    description: 'Reference of an uploaded document, e.g. sha256:<64 hex>',
    maxLength: 300,
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9:._/-]*$/, {
    message: 'documentRef must be a storage reference like sha256:<hex>',
  })
  documentRef?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Australian Strategic Policy Institute', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  publisher?: string;

  @ApiProperty({ enum: EvidenceKind })
  @IsEnum(EvidenceKind)
  kind!: EvidenceKind;

  @ApiPropertyOptional({ example: '2020-03-01' })
  @IsOptional()
  @IsIsoDate()
  publishedOn?: string;

  @ApiPropertyOptional({ example: '2024-05-02' })
  @IsOptional()
  @IsIsoDate()
  accessedOn?: string;

  @ApiPropertyOptional({ type: [String], description: 'Commitments this evidence supports' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  commitmentIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Exposure findings this evidence supports' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  findingIds?: string[];
}
