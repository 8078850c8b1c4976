import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { FindingKind } from '../finding-kind';

export class ListFindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Brand slug: its own findings and its group's" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;

  @ApiPropertyOptional({ description: "Company slug: the group's own findings" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  company?: string;

  @ApiPropertyOptional({ enum: FindingKind })
  @IsOptional()
  @IsEnum(FindingKind)
  kind?: FindingKind;

  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified ones',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;
}
