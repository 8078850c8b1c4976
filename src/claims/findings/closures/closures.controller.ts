import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../../identity/auth/decorators';
import { Role } from '../../../identity/auth/role.enum';
import { Public } from '../../../platform/http/public-route';
import { CrossOriginRead } from '../../../platform/http/cross-origin/cross-origin-read';
import { ClaimReviewDecisionDto } from '../../claim-stack/dto/claim-review-decision.dto';
import { ClosuresService } from './closures.service';
import { ClosureView } from './dto/closure.view';
import { CreateClosureDto } from './dto/create-closure.dto';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Ending a finding: a closure is proposed, submitted and verified like any claim. */
@ApiTags('findings')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api')
export class ClosuresController {
  constructor(private readonly closures: ClosuresService) {}

  @RequireRoles(Role.Researcher)
  @Post('findings/:id/closures')
  @ApiOperation({
    summary: 'Propose that a finding ended on a day (facility sold, relationship ended...), as a draft',
  })
  @ApiOkResponse({ type: ClosureView })
  close(
    @Param('id', ID) id: string,
    @Body() body: CreateClosureDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<ClosureView> {
    return this.closures.close(id, body, actor);
  }

  @Public()
  @Get('findings/:id/closures')
  @ApiOkResponse({ type: [ClosureView] })
  forFinding(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<ClosureView[]> {
    return this.closures.listForFinding(id, viewer);
  }

  @Public()
  @Get('closures/:id')
  @ApiOkResponse({ type: ClosureView })
  get(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<ClosureView> {
    return this.closures.get(id, viewer);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post('closures/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: "Submit a draft closure for review, with its submitter's draft sources (its creator)",
  })
  @ApiOkResponse({ type: ClosureView })
  async submit(@Param('id', ID) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<ClosureView> {
    await this.closures.submit(id, actor);
    return this.closures.get(id, actor);
  }

  @RequireRoles(Role.Reviewer)
  @Post('closures/:id/review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify or reject a submitted closure (not its creator; needs a verified source, or withSources)',
  })
  @ApiOkResponse({ type: ClosureView })
  async review(
    @Param('id', ID) id: string,
    @Body() body: ClaimReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<ClosureView> {
    await this.closures.review(id, body.decision, body.note, actor, { withSources: body.withSources });
    return this.closures.get(id, actor);
  }
}
