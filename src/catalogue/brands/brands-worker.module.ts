import { Module } from '@nestjs/common';
import { BrandsModule } from './brands.module';
import { StandingsRefreshProcessor } from './standings-refresh.processor';

/** Worker side of the catalogue: the daily refresh of brand standings. */
@Module({
  imports: [BrandsModule],
  providers: [StandingsRefreshProcessor],
})
export class BrandsWorkerModule {}
