import { Module } from '@nestjs/common';
import { BrandsModule } from '../catalogue/brands/brands.module';
import { CapturesModule } from '../evidence/captures/captures.module';
import { CommitmentsModule } from '../claims/commitments/commitments.module';
import { DisclosuresModule } from '../claims/disclosures/disclosures.module';
import { FindingsModule } from '../claims/findings/findings.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

@Module({
  imports: [BrandsModule, CommitmentsModule, FindingsModule, DisclosuresModule, CapturesModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
