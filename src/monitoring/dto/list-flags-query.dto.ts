import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../platform/pagination/page-query.dto';
import { FLAG_STATUSES, type FlagSignificance, type FlagStatus } from '../flags/flag.entity';

export class ListFlagsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FLAG_STATUSES })
  @IsOptional()
  @IsIn(FLAG_STATUSES)
  status?: FlagStatus;

  @ApiPropertyOptional({ enum: ['minor', 'major'] })
  @IsOptional()
  @IsIn(['minor', 'major'])
  significance?: FlagSignificance;

  @ApiPropertyOptional({ description: 'Slug or id of a brand' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;
}
