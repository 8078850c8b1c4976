import { Module } from '@nestjs/common';
import { CaptureOutboxModule } from '../captures/capture-outbox.module';
import { ReviewModule } from '../../kernel/review/review.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

/** Evidence and its links; commitments and findings import it (never the other way round). */
@Module({
  imports: [ReviewModule, CaptureOutboxModule],
  controllers: [EvidenceController],
  providers: [EvidenceRepository, EvidenceService],
  exports: [EvidenceService],
})
export class EvidenceModule {}
