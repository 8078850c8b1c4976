import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../platform/pagination/page-query.dto';
import { WATCH_HEALTH, type WatchHealth } from '../watches/watch.entity';

export class ListWatchesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Slug or id of a brand' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ enum: WATCH_HEALTH })
  @IsOptional()
  @IsIn(WATCH_HEALTH)
  health?: WatchHealth;
}
