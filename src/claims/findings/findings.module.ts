import { Module } from '@nestjs/common';
import { ClaimStackModule } from '../claim-stack/claim-stack.module';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';

@Module({
  imports: [ClaimStackModule],
  controllers: [FindingsController],
  providers: [FindingsRepository, FindingsService],
  exports: [FindingsService],
})
export class FindingsModule {}
