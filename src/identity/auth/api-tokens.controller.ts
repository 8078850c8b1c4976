import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '../../platform/pagination/page';
import { ApiTokenView, CreatedApiToken } from './api-token-view';
import { ApiTokensService } from './api-tokens.service';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './decorators';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { IdParamDto } from './dto/id-param.dto';

/** Tokens for scripts; every route acts on the caller's own tokens only. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Creates a token; the response is the only time its secret is shown' })
  @ApiCreatedResponse({ type: CreatedApiToken })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.tokens.create(user.id, {
      name: body.name,
      expiresAt: body.expiresAt === undefined ? undefined : new Date(body.expiresAt),
    });
  }

  @Get()
  @ApiPageResponse(ApiTokenView)
  @ApiOperation({ summary: 'My tokens that are not revoked, without their secrets' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<Page<ApiTokenView>> {
    return this.tokens.listOwn(user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes one of my tokens at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  revoke(@CurrentUser() user: AuthenticatedUser, @Param() params: IdParamDto): Promise<void> {
    return this.tokens.revokeOwn(user.id, params.id);
  }
}
