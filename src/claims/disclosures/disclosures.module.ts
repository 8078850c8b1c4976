import { Module } from '@nestjs/common';
import { ClaimStackModule } from '../claim-stack/claim-stack.module';
import { DisclosuresController } from './disclosures.controller';
import { DisclosuresRepository } from './disclosures.repository';
import { DisclosuresService } from './disclosures.service';

@Module({
  imports: [ClaimStackModule],
  controllers: [DisclosuresController],
  providers: [DisclosuresRepository, DisclosuresService],
  exports: [DisclosuresService],
})
export class DisclosuresModule {}
