import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { CompaniesModule } from '../../catalogue/companies/companies.module';
import { EvidenceModule } from '../../evidence/sources/evidence.module';
import { ReviewModule } from '../../kernel/review/review.module';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [BrandsModule, CompaniesModule, EvidenceModule, ReviewModule],
  controllers: [CommitmentsController],
  providers: [CommitmentsRepository, CommitmentsService],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
