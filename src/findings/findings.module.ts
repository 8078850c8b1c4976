import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { CompaniesModule } from '../companies/companies.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { ReviewModule } from '../review/review.module';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';

@Module({
  imports: [BrandsModule, CompaniesModule, EvidenceModule, ReviewModule],
  controllers: [FindingsController],
  providers: [FindingsRepository, FindingsService],
  exports: [FindingsService],
})
export class FindingsModule {}
