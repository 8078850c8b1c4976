import { Module } from '@nestjs/common';
import { EvidenceModule } from '../sources/evidence.module';
import { CapturesController } from './captures.controller';
import { CapturesService } from './captures.service';
import { CaptureWaczService } from './wacz/capture-wacz.service';

/** API side: the archived copies, served inert, and link health. */
@Module({
  imports: [EvidenceModule],
  controllers: [CapturesController],
  providers: [CapturesService, CaptureWaczService],
  // The web app shows a piece of evidence beside its capture.
  exports: [CapturesService],
})
export class CapturesModule {}
