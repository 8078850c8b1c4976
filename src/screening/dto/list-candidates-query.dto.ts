import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../platform/pagination/page-query.dto';
import { CandidateState } from '../candidates/screening-candidate.entity';

export class ListCandidatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CandidateState, default: CandidateState.Open })
  @IsOptional()
  @IsEnum(CandidateState)
  state?: CandidateState;
}
