import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { Role } from '../../identity/auth/role.enum';
import type { Page } from '../../platform/pagination/page';
import { ReviewDecisionDto } from '../../kernel/review/dto/review-decision.dto';
import { CreateEvidenceDto } from './dto/create-evidence.dto';
import { EvidenceView, toEvidenceView } from './dto/evidence.view';
import { LinkEvidenceDto } from './dto/link-evidence.dto';
import { ListEvidenceQueryDto } from './dto/list-evidence-query.dto';
import { EvidenceService } from './evidence.service';

/** A path id that is not a UUID is simply not found. */
const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('evidence')
@ApiBearerAuth()
@CrossOriginRead()
@Controller('api/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Public()
  @Get()
  @ApiPageResponse(EvidenceView)
  @ApiOperation({ summary: 'Evidence, newest first; anonymous readers see verified evidence only' })
  list(
    @Query() query: ListEvidenceQueryDto,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<Page<EvidenceView>> {
    return this.evidence.list(query, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post()
  @ApiOperation({ summary: 'Log a source (as a draft), optionally linked to commitments and findings' })
  @ApiOkResponse({ type: EvidenceView })
  async create(
    @Body() body: CreateEvidenceDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<EvidenceView> {
    return toEvidenceView(await this.evidence.create(body, actor));
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: EvidenceView })
  async get(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<EvidenceView> {
    return toEvidenceView(await this.evidence.get(id, viewer));
  }

  @RequireRoles(Role.Researcher)
  @Post(':id/links')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link evidence to more commitments or findings' })
  @ApiOkResponse({ type: EvidenceView })
  async link(
    @Param('id', ID) id: string,
    @Body() body: LinkEvidenceDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<EvidenceView> {
    return toEvidenceView(await this.evidence.link(id, body, actor));
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceView })
  async submit(@Param('id', ID) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceView> {
    return toEvidenceView(await this.evidence.submit(id, actor));
  }

  @RequireRoles(Role.Reviewer)
  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceView })
  async review(
    @Param('id', ID) id: string,
    @Body() body: ReviewDecisionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<EvidenceView> {
    return toEvidenceView(await this.evidence.review(id, body.decision, body.note, actor));
  }
}
