import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../auth/decorators';
import { IdParamDto } from '../auth/dto/id-param.dto';
import { Role } from '../auth/role.enum';
import type { Page } from '../../platform/pagination/page';
import { PageQueryDto } from '../../platform/pagination/page-query.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './user-view';
import { UsersService } from './users.service';

/** User management for admins (the web admin pages call these too). */
@ApiTags('users')
@ApiBearerAuth()
@RequireRoles(Role.Admin)
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiPageResponse(UserView)
  @ApiOperation({ summary: 'Every user, ordered by email' })
  list(@Query() query: PageQueryDto): Promise<Page<UserView>> {
    return this.users.list(query.cursor, query.limit);
  }

  @Post()
  @ApiOperation({ summary: 'Creates a user with a role and an initial password' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body, actor.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes the role of a user, or disables / re-enables them' })
  @ApiOkResponse({ type: UserView })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param() params: IdParamDto,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(params.id, body, actor);
  }
}
