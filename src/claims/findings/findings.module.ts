import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { CompaniesModule } from '../../catalogue/companies/companies.module';
import { EvidenceModule } from '../../evidence/sources/evidence.module';
import { ReviewModule } from '../../kernel/review/review.module';
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
