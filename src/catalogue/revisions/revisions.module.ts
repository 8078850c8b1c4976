import { Module } from '@nestjs/common';
import { RevisionsService } from './revisions.service';

/** Proposed revisions of verified brands and companies; used by their services. */
@Module({
  providers: [RevisionsService],
  exports: [RevisionsService],
})
export class RevisionsModule {}
