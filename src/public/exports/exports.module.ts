import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { BrandExportRepository } from './brand-export.repository';
import { ExportRateLimiter } from './export-rate-limiter';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [BrandsModule],
  controllers: [ExportsController],
  providers: [ExportsService, BrandExportRepository, ExportRateLimiter],
})
export class ExportsModule {}
