import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { CapturesModule } from '../captures/captures.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { FindingsModule } from '../findings/findings.module';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

@Module({
  imports: [BrandsModule, CommitmentsModule, FindingsModule, DisclosuresModule, CapturesModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
