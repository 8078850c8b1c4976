import { ApiFileResponse } from '../../platform/http/api-file-response';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { FeedService } from './feed.service';

@ApiTags('feed')
@Public()
@CrossOriginRead()
@Controller()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get('feed.atom')
  @ApiOperation({
    summary: 'Atom feed of verified changes (commitments, retractions, findings, disclosures)',
  })
  @ApiProduces('application/atom+xml')
  @ApiFileResponse('application/atom+xml', 'An Atom 1.0 feed (RFC 4287) of the 50 newest changes')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  atom(): Promise<string> {
    return this.feed.atom();
  }
}
