import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';

export class ListCompaniesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or an alias, any script' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified entries',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;
}
