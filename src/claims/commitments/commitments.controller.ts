import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { Role } from '../../identity/auth/role.enum';
import type { Page } from '../../platform/pagination/page';
import { ClaimReviewDecisionDto } from '../claim-stack/dto/claim-review-decision.dto';
import { CommitmentsService } from './commitments.service';
import { CommitmentView } from './dto/commitment.view';
import { CreateCommitmentDto } from './dto/create-commitment.dto';
import { ListCommitmentsQueryDto } from './dto/list-commitments-query.dto';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Commitments of brands and groups. There is no PATCH: a change is a new, superseding commitment. */
@ApiTags('commitments')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Public()
  @Get('brands/:slug/commitments')
  @ApiPageResponse(CommitmentView)
  @ApiOperation({ summary: "A brand's timeline: its own and its group's commitments, newest first" })
  forBrand(
    @Param('slug') slug: string,
    @Query() query: ListCommitmentsQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<CommitmentView>> {
    return this.commitments.timelineForBrand(slug, query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/commitments')
  @ApiOperation({ summary: 'Record a commitment of a brand (as a draft)' })
  @ApiOkResponse({ type: CommitmentView })
  createForBrand(
    @Param('slug') slug: string,
    @Body() body: CreateCommitmentDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CommitmentView> {
    return this.commitments.createForBrand(slug, body, actor);
  }

  @Public()
  @Get('companies/:slug/commitments')
  @ApiPageResponse(CommitmentView)
  @ApiOperation({ summary: "A group's own commitments, newest first" })
  forCompany(
    @Param('slug') slug: string,
    @Query() query: ListCommitmentsQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<CommitmentView>> {
    return this.commitments.timelineForCompany(slug, query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('companies/:slug/commitments')
  @ApiOperation({ summary: 'Record a group-level commitment (applies to all its brands), as a draft' })
  @ApiOkResponse({ type: CommitmentView })
  createForCompany(
    @Param('slug') slug: string,
    @Body() body: CreateCommitmentDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CommitmentView> {
    return this.commitments.createForCompany(slug, body, actor);
  }

  @Public()
  @Get('commitments/:id')
  @ApiOkResponse({ type: CommitmentView })
  get(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<CommitmentView> {
    return this.commitments.get(id, viewer);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post('commitments/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft commitment for review (its creator)' })
  @ApiOkResponse({ type: CommitmentView })
  async submit(
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CommitmentView> {
    await this.commitments.submit(id, actor);
    return this.commitments.get(id, actor);
  }

  @RequireRoles(Role.Reviewer)
  @Post('commitments/:id/review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify or reject a submitted commitment (not its creator; needs a verified source, or withSources)',
  })
  @ApiOkResponse({ type: CommitmentView })
  async review(
    @Param('id', ID) id: string,
    @Body() body: ClaimReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CommitmentView> {
    await this.commitments.review(id, body.decision, body.note, actor, { withSources: body.withSources });
    return this.commitments.get(id, actor);
  }
}
