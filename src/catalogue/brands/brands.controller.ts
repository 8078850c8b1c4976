import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { Role } from '../../identity/auth/role.enum';
import type { Page } from '../../platform/pagination/page';
import { ReviewDecisionDto } from '../../kernel/review/dto/review-decision.dto';
import { proposedRevisionOr404, ProposedRevisionView } from '../revisions/dto/proposed-revision.view';
import { toBrandView } from './brand-view.mapper';
import { BrandsService } from './brands.service';
import { BrandFacets, BrandListItem, BrandView } from './dto/brand.view';
import { CreateBrandDto } from './dto/create-brand.dto';
import { BrandFiltersDto, ListBrandsQueryDto } from './dto/list-brands-query.dto';
import { UpdateBrandDto } from './dto/update-brand.dto';

@ApiTags('brands')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api/brands')
export class BrandsController {
  constructor(private readonly brands: BrandsService) {}

  @Public()
  @Get()
  @ApiPageResponse(BrandListItem)
  @ApiOperation({
    summary: 'Brands by sector, country, commitment and exposure, as of a date (campaigner query)',
  })
  list(
    @Query() query: ListBrandsQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<BrandListItem>> {
    return this.brands.list(query, viewer);
  }

  @Public()
  @Get('facets')
  @ApiOperation({
    summary: 'Counts by sector, country and commitment status for the same filters as the list',
  })
  @ApiOkResponse({ type: BrandFacets })
  facets(@Query() query: BrandFiltersDto, @CurrentUser() viewer?: AuthenticatedUser): Promise<BrandFacets> {
    return this.brands.facets(query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post()
  @ApiOperation({ summary: 'Create a brand (as a draft)' })
  @ApiOkResponse({ type: BrandView })
  async create(@Body() body: CreateBrandDto, @CurrentUser() actor: AuthenticatedUser): Promise<BrandView> {
    return toBrandView(await this.brands.create(body, actor), actor);
  }

  @Public()
  @Get(':slug')
  @ApiOkResponse({ type: BrandView })
  async get(@Param('slug') slug: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<BrandView> {
    return toBrandView(await this.brands.get(slug, viewer), viewer);
  }

  @RequireRoles(Role.Researcher)
  @Patch(':slug')
  @ApiOperation({
    summary:
      'Edit a brand; audited. On a verified brand the change is proposed, not applied: the brand is ' +
      'returned as it stands until another reviewer verifies the change (GET/POST :slug/revision)',
  })
  @ApiOkResponse({ type: BrandView })
  async update(
    @Param('slug') slug: string,
    @Body() body: UpdateBrandDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<BrandView> {
    return toBrandView(await this.brands.update(slug, body, actor), actor);
  }

  @RequireRoles(Role.Researcher)
  @Post(':slug/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft for review (its creator)' })
  @ApiOkResponse({ type: BrandView })
  async submit(@Param('slug') slug: string, @CurrentUser() actor: AuthenticatedUser): Promise<BrandView> {
    return toBrandView(await this.brands.submit(slug, actor), actor);
  }

  @RequireRoles(Role.Reviewer)
  @Post(':slug/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify or reject a submitted brand (not its creator)' })
  @ApiOkResponse({ type: BrandView })
  async review(
    @Param('slug') slug: string,
    @Body() body: ReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<BrandView> {
    return toBrandView(await this.brands.review(slug, body.decision, body.note, actor), actor);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Get(':slug/revision')
  @ApiOperation({ summary: 'The change to a verified brand that awaits review (404 when none)' })
  @ApiOkResponse({ type: ProposedRevisionView })
  async revision(@Param('slug') slug: string): Promise<ProposedRevisionView> {
    return proposedRevisionOr404(await this.brands.proposedRevision(slug));
  }

  @RequireRoles(Role.Reviewer)
  @Post(':slug/revision/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify (apply) or reject the change awaiting review (not its author)' })
  @ApiOkResponse({ type: BrandView })
  async reviewRevision(
    @Param('slug') slug: string,
    @Body() body: ReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<BrandView> {
    return toBrandView(await this.brands.decideRevision(slug, body.decision, body.note, actor), actor);
  }
}
