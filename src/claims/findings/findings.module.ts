import { Module } from '@nestjs/common';
import { ClaimStackModule } from '../claim-stack/claim-stack.module';
import { ClosuresController } from './closures/closures.controller';
import { ClosuresRepository } from './closures/closures.repository';
import { ClosuresService } from './closures/closures.service';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';

@Module({
  imports: [ClaimStackModule],
  controllers: [FindingsController, ClosuresController],
  providers: [FindingsRepository, FindingsService, ClosuresRepository, ClosuresService],
  exports: [FindingsService, ClosuresService],
})
export class FindingsModule {}
