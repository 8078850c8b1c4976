import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsIsoDate } from '../../kernel/dates/is-iso-date';
import { today } from '../../kernel/dates/today';

/**
 * `?asOf=YYYY-MM-DD`, default today (UTC). A future day is refused: a card "as of" next year would present
 * a projection (retractions ageing out of the window) as if it were a record.
 */
export class ScorecardQueryDto {
  @ApiPropertyOptional({
    description: 'Replay the card as it stood on this day (YYYY-MM-DD, not in the future)',
  })
  @IsOptional()
  @IsIsoDate()
  @ValidateBy({
    name: 'isNotFuture',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value <= today(),
      defaultMessage: () => 'asOf cannot be after today',
    },
  })
  asOf?: string;
}
