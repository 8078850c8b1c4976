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
import { CompaniesService } from './companies.service';
import { CompanyView, toCompanyView } from './dto/company.view';
import { CreateCompanyDto } from './dto/create-company.dto';
import { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import { UpdateCompanyDto } from './dto/update-company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Public()
  @Get()
  @ApiPageResponse(CompanyView)
  @ApiOperation({ summary: 'Company groups; anonymous readers see verified ones only' })
  list(
    @Query() query: ListCompaniesQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<CompanyView>> {
    return this.companies.list(query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post()
  @ApiOperation({ summary: 'Create a company group (as a draft)' })
  @ApiOkResponse({ type: CompanyView })
  async create(
    @Body() body: CreateCompanyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CompanyView> {
    return toCompanyView(await this.companies.create(body, actor));
  }

  @Public()
  @Get(':slug')
  @ApiOkResponse({ type: CompanyView })
  async get(@Param('slug') slug: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<CompanyView> {
    return toCompanyView(await this.companies.get(slug, viewer));
  }

  @RequireRoles(Role.Researcher)
  @Patch(':slug')
  @ApiOperation({
    summary:
      'Edit a company; audited. On a verified company the change is proposed, not applied, until another ' +
      'reviewer verifies it (GET/POST :slug/revision)',
  })
  @ApiOkResponse({ type: CompanyView })
  async update(
    @Param('slug') slug: string,
    @Body() body: UpdateCompanyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CompanyView> {
    return toCompanyView(await this.companies.update(slug, body, actor));
  }

  @RequireRoles(Role.Researcher)
  @Post(':slug/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft for review (its creator)' })
  @ApiOkResponse({ type: CompanyView })
  async submit(@Param('slug') slug: string, @CurrentUser() actor: AuthenticatedUser): Promise<CompanyView> {
    return toCompanyView(await this.companies.submit(slug, actor));
  }

  @RequireRoles(Role.Reviewer)
  @Post(':slug/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify or reject a submitted company (not its creator)' })
  @ApiOkResponse({ type: CompanyView })
  async review(
    @Param('slug') slug: string,
    @Body() body: ReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CompanyView> {
    return toCompanyView(await this.companies.review(slug, body.decision, body.note, actor));
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Get(':slug/revision')
  @ApiOperation({ summary: 'The change to a verified company that awaits review (404 when none)' })
  @ApiOkResponse({ type: ProposedRevisionView })
  async revision(@Param('slug') slug: string): Promise<ProposedRevisionView> {
    return proposedRevisionOr404(await this.companies.proposedRevision(slug));
  }

  @RequireRoles(Role.Reviewer)
  @Post(':slug/revision/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify (apply) or reject the change awaiting review (not its author)' })
  @ApiOkResponse({ type: CompanyView })
  async reviewRevision(
    @Param('slug') slug: string,
    @Body() body: ReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CompanyView> {
    return toCompanyView(await this.companies.decideRevision(slug, body.decision, body.note, actor));
  }
}
