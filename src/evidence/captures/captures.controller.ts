import { ApiFileResponse } from '../../platform/http/api-file-response';
import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sha256Hex } from '../archive/blob-store';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { CapturesService } from './captures.service';
import { CaptureListView } from './dto/capture.view';
import { CaptureVersionQueryDto } from './dto/capture-version-query.dto';
import { inertHtml } from './inert-html';
import { originalFilename, setCaptureHeaders } from './served-capture';
import { CaptureWaczService } from './wacz/capture-wacz.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** The archived copies of evidence URLs; anonymous readers see those of verified evidence only. */
@ApiTags('captures')
@ApiBearerAuth()
@Public()
@Controller('api/evidence')
export class CapturesController {
  constructor(
    private readonly captures: CapturesService,
    private readonly wacz: CaptureWaczService,
  ) {}

  @Get(':id/captures')
  @ApiOperation({ summary: 'Every capture of the evidence URL, with its link health and recent checks' })
  @ApiOkResponse({ type: CaptureListView })
  list(@Param('id', ID) id: string, @CurrentUser() viewer?: AuthenticatedUser): Promise<CaptureListView> {
    return this.captures.list(id, viewer);
  }

  @Get(':id/capture')
  @ApiOperation({
    summary: 'The archived HTML, served inert (CSP sandbox, scripts removed); the original unless ?version=',
  })
  @ApiProduces('text/html')
  @ApiFileResponse('text/html', 'The archived copy, inert: scripts removed, sandboxed by its CSP')
  async html(
    @Param('id', ID) id: string,
    @Query() query: CaptureVersionQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { capture, content, sha256 } = await this.captures.content(id, 'html', viewer, query.version);
    const served = Buffer.from(inertHtml(content.toString('utf8')), 'utf8');
    setCaptureHeaders(response, capture, {
      contentType: 'text/html; charset=utf-8',
      sha256,
      filename: `capture-${id}-v${capture.version}.html`,
    });
    // The archived hash is of the page as captured; this one lets a reader check the bytes they got.
    response.setHeader('X-Served-SHA256', sha256Hex(served));
    return new StreamableFile(served);
  }

  @Get(':id/capture/original')
  @ApiOperation({
    summary:
      'The original bytes as fetched (the response body before anything was decoded or rewritten), as a ' +
      'download: their SHA-256 is the bodySha256 the capture reports',
  })
  @ApiProduces('application/octet-stream')
  @ApiFileResponse('application/octet-stream', 'The original bytes, as fetched', 'binary')
  async original(
    @Param('id', ID) id: string,
    @Query() query: CaptureVersionQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { capture, content, sha256 } = await this.captures.content(id, 'original', viewer, query.version);
    // Never rendered: a download of opaque bytes (with nosniff and the sandbox CSP should a browser try).
    setCaptureHeaders(response, capture, {
      contentType: 'application/octet-stream',
      sha256,
      filename: originalFilename(id, capture),
      disposition: 'attachment',
    });
    response.setHeader('X-Original-Content-Type', capture.contentType ?? '');
    return new StreamableFile(content);
  }

  @Get(':id/capture.wacz')
  @ApiOperation({
    summary:
      'The capture as a WACZ web archive (WARC request/response of the original fetch, screenshot, ' +
      'pages.jsonl, datapackage.json with each file’s SHA-256); 409 while pending or when the capture failed',
  })
  @ApiProduces('application/zip')
  @ApiFileResponse('application/zip', 'A WACZ web archive of the capture', 'binary')
  async waczExport(
    @Param('id', ID) id: string,
    @Query() query: CaptureVersionQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { filename, bytes } = await this.wacz.export(id, viewer, query.version);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(bytes, {
      type: 'application/zip',
      disposition: `attachment; filename="${filename}"`,
      length: bytes.length,
    });
  }

  @Get(':id/capture/text')
  @ApiOperation({ summary: 'The main text extracted from the capture' })
  @ApiProduces('text/plain')
  @ApiFileResponse('text/plain', 'The extracted text')
  async text(
    @Param('id', ID) id: string,
    @Query() query: CaptureVersionQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { capture, content, sha256 } = await this.captures.content(id, 'text', viewer, query.version);
    setCaptureHeaders(response, capture, {
      contentType: 'text/plain; charset=utf-8',
      sha256,
      filename: `capture-${id}-v${capture.version}.txt`,
    });
    return new StreamableFile(content);
  }

  @Get(':id/capture/screenshot')
  @ApiOperation({ summary: 'The full-page screenshot of the capture (PNG, height capped)' })
  @ApiProduces('image/png')
  @ApiFileResponse('image/png', 'The screenshot', 'binary')
  async screenshot(
    @Param('id', ID) id: string,
    @Query() query: CaptureVersionQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { capture, content, sha256 } = await this.captures.content(id, 'screenshot', viewer, query.version);
    setCaptureHeaders(response, capture, {
      contentType: 'image/png',
      sha256,
      filename: `capture-${id}-v${capture.version}.png`,
    });
    return new StreamableFile(content);
  }
}
