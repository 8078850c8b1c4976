import { Module } from '@nestjs/common';
import { Fetchers } from './fetchers.provider';

/** Import this to inject `Fetchers` (one HttpFetcher and one BrowserFetcher per process). */
@Module({
  providers: [Fetchers],
  exports: [Fetchers],
})
export class FetchersModule {}
