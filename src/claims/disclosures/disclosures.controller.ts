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
import { DisclosuresService } from './disclosures.service';
import { CreateDisclosureDto } from './dto/create-disclosure.dto';
import { DisclosureView } from './dto/disclosure.view';
import { ListDisclosuresQueryDto } from './dto/list-disclosures-query.dto';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Supply-chain disclosures of brands and groups, reviewed like every claim. */
@ApiTags('disclosures')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api')
export class DisclosuresController {
  constructor(private readonly disclosures: DisclosuresService) {}

  @Public()
  @Get('brands/:slug/disclosures')
  @ApiPageResponse(DisclosureView)
  @ApiOperation({ summary: "A brand's supply-chain disclosures and its group's, newest first" })
  forBrand(
    @Param('slug') slug: string,
    @Query() query: ListDisclosuresQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<DisclosureView>> {
    return this.disclosures.listForBrand(slug, query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/disclosures')
  @ApiOperation({ summary: 'Record a disclosure of a brand (as a draft)' })
  @ApiOkResponse({ type: DisclosureView })
  createForBrand(
    @Param('slug') slug: string,
    @Body() body: CreateDisclosureDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DisclosureView> {
    return this.disclosures.createForBrand(slug, body, actor);
  }

  @RequireRoles(Role.Researcher)
  @Post('companies/:slug/disclosures')
  @ApiOperation({ summary: 'Record a group-level disclosure (applies to all its brands), as a draft' })
  @ApiOkResponse({ type: DisclosureView })
  createForCompany(
    @Param('slug') slug: string,
    @Body() body: CreateDisclosureDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DisclosureView> {
    return this.disclosures.createForCompany(slug, body, actor);
  }

  @Public()
  @Get('disclosures/:id')
  @ApiOkResponse({ type: DisclosureView })
  get(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<DisclosureView> {
    return this.disclosures.get(id, viewer);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post('disclosures/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft disclosure for review (its creator)' })
  @ApiOkResponse({ type: DisclosureView })
  async submit(
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DisclosureView> {
    await this.disclosures.submit(id, actor);
    return this.disclosures.get(id, actor);
  }

  @RequireRoles(Role.Reviewer)
  @Post('disclosures/:id/review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify or reject a submitted disclosure (not its creator; needs a verified source, or withSources)',
  })
  @ApiOkResponse({ type: DisclosureView })
  async review(
    @Param('id', ID) id: string,
    @Body() body: ClaimReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<DisclosureView> {
    await this.disclosures.review(id, body.decision, body.note, actor, { withSources: body.withSources });
    return this.disclosures.get(id, actor);
  }
}
