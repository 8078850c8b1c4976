import { ApiPageResponse } from '../platform/pagination/api-page-response';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../identity/auth/decorators';
import { Role } from '../identity/auth/role.enum';
import type { Page } from '../platform/pagination/page';
import { PageQueryDto } from '../platform/pagination/page-query.dto';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { CreatedWebhookView, WebhookView } from './dto/webhook.view';
import { WebhooksService } from './webhooks.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Webhooks told about new major flags; admins only. */
@ApiTags('webhooks')
@ApiBearerAuth()
@RequireRoles(Role.Admin)
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiPageResponse(WebhookView)
  @ApiOperation({ summary: 'Every webhook, oldest first (secrets are never listed)' })
  list(@Query() query: PageQueryDto): Promise<Page<WebhookView>> {
    return this.webhooks.list(query.cursor, query.limit);
  }

  @Post()
  @ApiOperation({ summary: 'Adds a webhook; the answer shows its signing secret, once' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  create(
    @Body() body: CreateWebhookDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CreatedWebhookView> {
    return this.webhooks.create(body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a webhook and its pending deliveries' })
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@Param('id', ID) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.webhooks.remove(id, actor);
  }
}
