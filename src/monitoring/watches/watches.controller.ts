import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { IdParamDto } from '../../identity/auth/dto/id-param.dto';
import { Role } from '../../identity/auth/role.enum';
import { PageQueryDto } from '../../platform/pagination/page-query.dto';
import type { Page } from '../../platform/pagination/page';
import { SnapshotsService } from '../checks/snapshots.service';
import { CreateWatchDto } from '../dto/create-watch.dto';
import { ListWatchesQueryDto } from '../dto/list-watches-query.dto';
import { CheckQueuedView, SnapshotView, toSnapshotView, toWatchView, WatchView } from '../dto/watch.view';
import { WatchesService } from './watches.service';

/** Signed-in users read; researchers (and reviewers, admins) create, pause, resume and check. */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/watches')
export class WatchesController {
  constructor(
    private readonly watches: WatchesService,
    private readonly snapshots: SnapshotsService,
  ) {}

  @Get()
  @ApiPageResponse(WatchView)
  @ApiOperation({ summary: 'Watches, newest first, by brand, active and health' })
  async list(@Query() query: ListWatchesQueryDto): Promise<Page<WatchView>> {
    const page = await this.watches.list(query);
    return { items: page.items.map(toWatchView), nextCursor: page.nextCursor };
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post()
  @ApiOperation({
    summary: 'Watch a page of a brand (the URL must be public); checks it at once, then on schedule',
  })
  @ApiOkResponse({ type: WatchView })
  async create(@Body() body: CreateWatchDto, @CurrentUser() actor: AuthenticatedUser): Promise<WatchView> {
    return toWatchView(await this.watches.create(body, actor));
  }

  @Get(':id')
  @ApiOkResponse({ type: WatchView })
  async get(@Param() { id }: IdParamDto): Promise<WatchView> {
    return toWatchView(await this.watches.get(id));
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post(':id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: WatchView })
  async pause(@Param() { id }: IdParamDto, @CurrentUser() actor: AuthenticatedUser): Promise<WatchView> {
    return toWatchView(await this.watches.pause(id, actor));
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post(':id/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: WatchView })
  async resume(@Param() { id }: IdParamDto, @CurrentUser() actor: AuthenticatedUser): Promise<WatchView> {
    return toWatchView(await this.watches.resume(id, actor));
  }

  @RequireRoles(Role.Researcher, Role.Reviewer)
  @Post(':id/check')
  @HttpCode(202)
  @ApiOperation({ summary: 'Check now; repeated requests within a few seconds are one check' })
  @ApiAcceptedResponse({ type: CheckQueuedView })
  checkNow(@Param() { id }: IdParamDto, @CurrentUser() actor: AuthenticatedUser): Promise<CheckQueuedView> {
    return this.watches.checkNow(id, actor);
  }

  @Get(':id/snapshots')
  @ApiPageResponse(SnapshotView)
  @ApiOperation({ summary: "The watch's stored versions, newest first" })
  async listSnapshots(
    @Param() { id }: IdParamDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<SnapshotView>> {
    await this.watches.get(id);
    const page = await this.snapshots.pageForWatch(id, query.cursor, query.limit);
    return { items: page.items.map(toSnapshotView), nextCursor: page.nextCursor };
  }
}
