import { ApiFileResponse } from '../../platform/http/api-file-response';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParamDto } from '../../identity/auth/dto/id-param.dto';
import { SnapshotsService, type SnapshotContent } from './snapshots.service';

/** A snapshot's archived text and screenshot, for reviewers comparing two versions. */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get(':id/text')
  @ApiOperation({ summary: 'The main text of the page as the monitor read it' })
  @ApiProduces('text/plain')
  @ApiFileResponse('text/plain', 'The text of the snapshot')
  @Header('x-content-type-options', 'nosniff')
  async text(@Param() { id }: IdParamDto, @Res() response: Response): Promise<void> {
    send(response, await this.snapshots.text(id));
  }

  @Get(':id/screenshot')
  @ApiOperation({ summary: 'The screenshot (browser checks only)' })
  @ApiProduces('image/png')
  @ApiFileResponse('image/png', 'The screenshot', 'binary')
  async screenshot(@Param() { id }: IdParamDto, @Res() response: Response): Promise<void> {
    send(response, await this.snapshots.screenshot(id));
  }
}

function send(response: Response, blob: SnapshotContent): void {
  response.setHeader('content-type', blob.mediaType);
  // Archived content is immutable: the same id always has the same bytes.
  response.setHeader('cache-control', 'private, max-age=86400, immutable');
  response.end(blob.content);
}
