import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { IsHttpUrl } from '../../../catalogue/companies/dto/identifier-validators';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { EvidenceKind } from '../evidence-kind';

export class ListEvidenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EvidenceKind })
  @IsOptional()
  @IsEnum(EvidenceKind)
  kind?: EvidenceKind;

  @ApiPropertyOptional({ description: 'Exactly this URL' })
  @IsOptional()
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({ description: 'Evidence supporting this commitment' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string;

  @ApiPropertyOptional({ description: 'Evidence supporting this exposure finding' })
  @IsOptional()
  @IsUUID()
  findingId?: string;

  @ApiPropertyOptional({
    enum: ReviewStatus,
    description: 'Signed-in users only; anonymous readers see verified evidence',
  })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;
}
