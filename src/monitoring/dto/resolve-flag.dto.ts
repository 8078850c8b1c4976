import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CreateCommitmentDto } from '../../claims/commitments/dto/create-commitment.dto';
import { CreateFindingDto } from '../../claims/findings/dto/create-finding.dto';
import { CreateEvidenceDto } from '../../evidence/sources/dto/create-evidence.dto';

/**
 * A draft commitment of the flag's brand (a new one, one superseding the old, or a retraction naming what it
 * withdraws); the evidence made from the new snapshot is linked to it.
 */
export class FlagCommitmentDto extends OmitType(CreateCommitmentDto, ['evidenceIds'] as const) {}

/** A draft exposure finding of the flag's brand (e.g. an admission of a supplier in the region). */
export class FlagFindingDto extends OmitType(CreateFindingDto, ['evidenceIds'] as const) {}

/** Evidence made from the new snapshot; url, kind, title and accessedOn default to the snapshot's. */
export class FlagEvidenceDto extends PartialType(
  OmitType(CreateEvidenceDto, ['commitmentIds', 'findingIds', 'documentRef'] as const),
) {}

export class FlagCreationsDto {
  @ApiPropertyOptional({ type: FlagCommitmentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FlagCommitmentDto)
  commitment?: FlagCommitmentDto;

  @ApiPropertyOptional({ type: FlagFindingDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FlagFindingDto)
  finding?: FlagFindingDto;

  @ApiPropertyOptional({ type: FlagEvidenceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FlagEvidenceDto)
  evidence?: FlagEvidenceDto;
}

export class ResolveFlagDto {
  @ApiProperty({ enum: ['confirmed', 'dismissed'] })
  @IsIn(['confirmed', 'dismissed'])
  resolution!: 'confirmed' | 'dismissed';

  @ApiPropertyOptional({ description: 'Why; required to dismiss', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    type: FlagCreationsDto,
    description: 'Confirming only: drafts to create from the snapshot',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FlagCreationsDto)
  create?: FlagCreationsDto;
}
