import { Module } from '@nestjs/common';
import { BrandRecordRepository } from './brand-record.repository';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

@Module({
  controllers: [ScorecardsController],
  providers: [ScorecardsService, BrandRecordRepository],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
