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
import { CreateFindingDto, CreateFindingWithSubjectDto } from './dto/create-finding.dto';
import { FindingView } from './dto/finding.view';
import { ListFindingsQueryDto } from './dto/list-findings-query.dto';
import { FindingsService } from './findings.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('findings')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Public()
  @Get('findings')
  @ApiPageResponse(FindingView)
  @ApiOperation({
    summary: 'Exposure findings, newest first; filter by brand (own and group), company, kind',
  })
  list(
    @Query() query: ListFindingsQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<FindingView>> {
    return this.findings.list(query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('findings')
  @ApiOperation({ summary: 'Record an exposure finding of a brand or group (as a draft)' })
  @ApiOkResponse({ type: FindingView })
  create(
    @Body() body: CreateFindingWithSubjectDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<FindingView> {
    return this.findings.create(body, actor);
  }

  @Public()
  @Get('brands/:slug/findings')
  @ApiPageResponse(FindingView)
  @ApiOperation({ summary: "A brand's findings and its group's" })
  forBrand(
    @Param('slug') slug: string,
    @Query() query: ListFindingsQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<FindingView>> {
    return this.findings.list({ ...query, brand: slug, company: undefined }, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/findings')
  @ApiOkResponse({ type: FindingView })
  createForBrand(
    @Param('slug') slug: string,
    @Body() body: CreateFindingDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<FindingView> {
    return this.findings.createForBrand(slug, body, actor);
  }

  @Public()
  @Get('findings/:id')
  @ApiOkResponse({ type: FindingView })
  get(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<FindingView> {
    return this.findings.get(id, viewer);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post('findings/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: FindingView })
  async submit(@Param('id', ID) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<FindingView> {
    await this.findings.submit(id, actor);
    return this.findings.get(id, actor);
  }

  @RequireRoles(Role.Reviewer)
  @Post('findings/:id/review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify or reject a submitted finding (not its creator; needs a verified source, or withSources)',
  })
  @ApiOkResponse({ type: FindingView })
  async review(
    @Param('id', ID) id: string,
    @Body() body: ClaimReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<FindingView> {
    await this.findings.review(id, body.decision, body.note, actor, { withSources: body.withSources });
    return this.findings.get(id, actor);
  }
}
