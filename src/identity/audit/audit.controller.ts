import { ApiPageResponse } from '../../platform/pagination/api-page-response';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Who changed what, newest first; filter by entity type and id for one record' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }
}
