import { RevisionsModule } from '../revisions/revisions.module';
import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { ReviewModule } from '../../kernel/review/review.module';
import { BrandsController } from './brands.controller';
import { BrandsRepository } from './brands.repository';
import { BrandsService } from './brands.service';

@Module({
  imports: [CompaniesModule, ReviewModule, RevisionsModule],
  controllers: [BrandsController],
  providers: [BrandsRepository, BrandsService],
  exports: [BrandsService],
})
export class BrandsModule {}
