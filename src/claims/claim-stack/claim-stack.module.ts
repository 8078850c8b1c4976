import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { CompaniesModule } from '../../catalogue/companies/companies.module';
import { EvidenceModule } from '../../evidence/sources/evidence.module';
import { ReviewModule } from '../../kernel/review/review.module';
import { ClaimSupport } from './claim-support';

/** The shared base of commitments, findings and disclosures; each claim module imports it. */
@Module({
  imports: [BrandsModule, CompaniesModule, EvidenceModule, ReviewModule],
  providers: [ClaimSupport],
  exports: [ClaimSupport, BrandsModule, CompaniesModule, EvidenceModule],
})
export class ClaimStackModule {}
