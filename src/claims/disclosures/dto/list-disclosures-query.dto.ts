import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';

export class ListDisclosuresQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified ones',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;
}
