import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { ExportRateLimiter } from './export-rate-limiter';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [BrandsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportRateLimiter],
})
export class ExportsModule {}
