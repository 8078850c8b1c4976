import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { IsIsoDate } from '../../../kernel/dates/is-iso-date';

export class ListCommitmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified ones',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;

  @ApiPropertyOptional({ description: 'Day for the `inForce` flag of each item (YYYY-MM-DD); default today' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
