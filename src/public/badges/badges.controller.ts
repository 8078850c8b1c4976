import { ApiFileResponse } from '../../platform/http/api-file-response';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { BadgesService } from './badges.service';

@ApiTags('badges')
@Public()
@CrossOriginRead()
@Controller('badge')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Get(':file')
  @ApiOperation({ summary: "A brand's grade today as an SVG badge: /badge/<slug>.svg" })
  @ApiProduces('image/svg+xml')
  @ApiFileResponse('image/svg+xml', 'The badge; an unknown brand gets an "unknown brand" badge with a 404')
  @ApiNotFoundResponse({
    description: 'No such brand: still an SVG badge, so an embed never shows broken',
    content: { 'image/svg+xml': { schema: { type: 'string' } } },
  })
  async badge(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const slug = file.endsWith('.svg') ? file.slice(0, -'.svg'.length) : '';
    const { status, svg } = await this.badges.forBrand(slug);
    response
      .status(slug ? status : 404)
      .setHeader('Content-Type', 'image/svg+xml; charset=utf-8')
      // An SVG opened on its own is a document: no script may run in it, whatever it holds.
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .send(svg);
  }
}
