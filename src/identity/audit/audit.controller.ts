import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators';
import type { Page } from '../../platform/pagination/page';
import { AuditEntryView, AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiPageResponse(AuditEntryView)
  @ApiOperation({
    summary:
      'Who changed what, newest first; filter by entity type and id for one record. Admins see every entry, ' +
      'others the entries about records they may read; secrets are never shown',
  })
  list(
    @Query() query: AuditQueryDto,
    @CurrentUser() reader: AuthenticatedUser,
  ): Promise<Page<AuditEntryView>> {
    return this.audit.list(query, reader);
  }
}
