import { RevisionsModule } from '../revisions/revisions.module';
import { Module } from '@nestjs/common';
import { ReviewModule } from '../../kernel/review/review.module';
import { CompaniesController } from './companies.controller';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';

@Module({
  imports: [ReviewModule, RevisionsModule],
  controllers: [CompaniesController],
  providers: [CompaniesRepository, CompaniesService],
  exports: [CompaniesService],
})
export class CompaniesModule {}
