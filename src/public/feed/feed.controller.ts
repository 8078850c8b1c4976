import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../platform/http/public-route';
import { FeedService } from './feed.service';

@ApiTags('feed')
@Public()
@Controller()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get('feed.atom')
  @ApiOperation({
    summary: 'Atom feed of verified changes (commitments, retractions, findings, disclosures)',
  })
  @ApiProduces('application/atom+xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  atom(@Req() request: Request): Promise<string> {
    return this.feed.atom(`${request.protocol}://${request.get('host') ?? 'localhost'}`);
  }
}
