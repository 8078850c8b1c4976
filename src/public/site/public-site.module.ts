import { Module } from '@nestjs/common';
import { BrandsModule } from '../../catalogue/brands/brands.module';
import { ScorecardsModule } from '../../scorecards/scorecards.module';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** What the public and the press see: /, /brands, /brands/:slug, /methodology. */
@Module({
  imports: [BrandsModule, ScorecardsModule],
  controllers: [PublicSiteController],
  providers: [PublicSiteService],
})
export class PublicSiteModule {}
