import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CurrentUser } from '../identity/auth/decorators';
import { Public } from '../platform/http/public-route';
import { CrossOriginRead } from '../platform/http/cross-origin/cross-origin-read';
import { today } from '../kernel/dates/today';
import { ScorecardQueryDto } from './dto/scorecard-query.dto';
import { ScorecardView } from './dto/scorecard.view';
import { ScorecardsService } from './scorecards.service';

@ApiTags('scorecards')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api/brands')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Public()
  @Get(':slug/scorecard')
  @ApiOperation({
    summary:
      "A brand's grade as of a day: points per indicator, the cap, and the verified records behind each",
  })
  @ApiOkResponse({ type: ScorecardView })
  get(
    @Param('slug') slug: string,
    @Query() query: ScorecardQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<ScorecardView> {
    return this.scorecards.scorecard(slug, query.asOf ?? today(), viewer);
  }
}
