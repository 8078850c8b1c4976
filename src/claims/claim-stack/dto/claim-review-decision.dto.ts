import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ReviewDecisionDto } from '../../../kernel/review/dto/review-decision.dto';

export class ClaimReviewDecisionDto extends ReviewDecisionDto {
  @ApiPropertyOptional({
    description:
      'Verify the submitted sources this claim cites in the same act (after reading their captures); ' +
      'without it, verifying needs a source that is already verified',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  withSources?: boolean;
}
