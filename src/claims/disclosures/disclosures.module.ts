import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { CompaniesModule } from '../../catalogue/companies/companies.module';
import { EvidenceModule } from '../../evidence/sources/evidence.module';
import { ReviewModule } from '../../kernel/review/review.module';
import { DisclosuresController } from './disclosures.controller';
import { DisclosuresRepository } from './disclosures.repository';
import { DisclosuresService } from './disclosures.service';

@Module({
  imports: [BrandsModule, CompaniesModule, EvidenceModule, ReviewModule],
  controllers: [DisclosuresController],
  providers: [DisclosuresRepository, DisclosuresService],
  exports: [DisclosuresService],
})
export class DisclosuresModule {}
