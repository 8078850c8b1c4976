import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../identity/auth/decorators';
import { Role } from '../identity/auth/role.enum';
import { DomainError, DomainErrorCode } from '../platform/http/errors/domain-error';
import type { Page } from '../platform/pagination/page';
import { PageQueryDto } from '../platform/pagination/page-query.dto';
import { CandidatesService } from './candidates/candidates.service';
import { CandidateState } from './candidates/screening-candidate.entity';
import { ConfirmCandidateDto, DismissCandidateDto } from './dto/candidate-decision.dto';
import { CandidateView } from './dto/candidate.view';
import { ImportEntityListDto, ImportSupplierListDto } from './dto/import-list.dto';
import { ListCandidatesQueryDto } from './dto/list-candidates-query.dto';
import { ScreeningFlagView } from './dto/screening-flag.view';
import {
  CandidateConfirmedView,
  ScreenedEntityListView,
  ScreenedSupplierListView,
} from './dto/screening-import.view';
import { ApiPageResponse } from '../platform/pagination/api-page-response';
import { ScreeningFlags } from './flags/screening-flags';
import { withCsvText } from './lists/csv-text';
import { ScreeningImportsService } from './screening-imports.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Supplier screening (docs/screening.md): list imports and the reviewers' queue of candidates. */
@ApiTags('screening')
@ApiBearerAuth()
@Controller('api')
export class ScreeningController {
  constructor(
    private readonly imports: ScreeningImportsService,
    private readonly candidates: CandidatesService,
    private readonly screeningFlags: ScreeningFlags,
  ) {}

  @RequireRoles(Role.Researcher)
  @Post('screening/entity-lists/:slug/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import (or re-import) an entity list from CSV, then screen its new and changed entries',
  })
  @ApiOkResponse({ type: ScreenedEntityListView })
  importEntityList(
    @Param('slug') slug: string,
    @Body() body: ImportEntityListDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<ScreenedEntityListView> {
    if (!SLUG.test(slug)) {
      throw new DomainError(
        DomainErrorCode.InvalidInput,
        'slug: lower-case letters, digits and "-", at most 60',
        [{ field: 'slug', reasons: ['lower-case letters, digits and "-", at most 60'] }],
      );
    }
    return withCsvText('entity list', body.csv, (file) =>
      this.imports.entityList(slug, body.name ?? slug, file, { actor }),
    );
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/supplier-lists')
  @HttpCode(200)
  @ApiOperation({ summary: "Import a version of a brand's supplier list from CSV, then screen what changed" })
  @ApiOkResponse({ type: ScreenedSupplierListView })
  importSupplierList(
    @Param('slug') slug: string,
    @Body() body: ImportSupplierListDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<ScreenedSupplierListView> {
    const input = { brand: slug, publishedOn: body.publishedOn, sourceUrl: body.sourceUrl };
    return withCsvText('supplier list', body.csv, (file) =>
      this.imports.supplierList(input, file, { actor }),
    );
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Get('screening/candidates')
  @ApiOperation({ summary: 'The screening queue: candidates in a state (open by default), oldest first' })
  @ApiPageResponse(CandidateView)
  list(@Query() query: ListCandidatesQueryDto): Promise<Page<CandidateView>> {
    return this.candidates.list(query.state ?? CandidateState.Open, query.cursor, query.limit);
  }

  // A researcher's call, like any finding they log: the draft is theirs to submit, and another person verifies.
  @RequireRoles(Role.Researcher)
  @Post('screening/candidates/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a candidate: creates a draft exposure finding citing both lists' })
  @ApiOkResponse({ type: CandidateConfirmedView })
  confirm(
    @Param('id', ID) id: string,
    @Body() body: ConfirmCandidateDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CandidateConfirmedView> {
    return this.candidates.confirm(id, body.note, actor);
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Get('screening/flags')
  @ApiOperation({
    summary: "New listings that look like a brand's supplier, newest first (one per brand and entry)",
  })
  @ApiPageResponse(ScreeningFlagView)
  flags(@Query() query: PageQueryDto): Promise<Page<ScreeningFlagView>> {
    return this.screeningFlags.list(query.cursor, query.limit);
  }

  @RequireRoles(Role.Researcher)
  @Post('screening/candidates/:id/dismiss')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Dismiss a candidate; not suggested again until the supplier or the entry changes',
  })
  @ApiNoContentResponse({ description: 'Dismissed' })
  dismiss(
    @Param('id', ID) id: string,
    @Body() body: DismissCandidateDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.candidates.dismiss(id, body.reason, actor);
  }
}
