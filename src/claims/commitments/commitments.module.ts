import { Module } from '@nestjs/common';
import { ClaimStackModule } from '../claim-stack/claim-stack.module';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [ClaimStackModule],
  controllers: [CommitmentsController],
  providers: [CommitmentsRepository, CommitmentsService],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
