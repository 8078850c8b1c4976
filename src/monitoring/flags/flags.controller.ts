import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { IdParamDto } from '../../identity/auth/dto/id-param.dto';
import { Role } from '../../identity/auth/role.enum';
import type { Page } from '../../platform/pagination/page';
import { FlagDetailView, FlagView } from '../dto/flag.view';
import { ListFlagsQueryDto } from '../dto/list-flags-query.dto';
import { ResolveFlagDto } from '../dto/resolve-flag.dto';
import { FlagsService } from './flags.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Get()
  @ApiPageResponse(FlagView)
  @ApiOperation({ summary: 'Flags raised by the monitor, newest first (the reviewers’ triage queue)' })
  list(@Query() query: ListFlagsQueryDto): Promise<Page<FlagView>> {
    return this.flags.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One flag with its diff and both snapshots' })
  @ApiOkResponse({ type: FlagDetailView })
  get(@Param() { id }: IdParamDto): Promise<FlagDetailView> {
    return this.flags.get(id);
  }

  @RequireRoles(Role.Reviewer)
  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm (optionally creating draft evidence and a commitment) or dismiss with a reason',
  })
  @ApiOkResponse({ type: FlagView })
  resolve(
    @Param() { id }: IdParamDto,
    @Body() body: ResolveFlagDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<FlagView> {
    return this.flags.resolve(id, body, actor);
  }
}
