import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../../scorecards/scorecards.module';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';

@Module({
  imports: [ScorecardsModule],
  controllers: [BadgesController],
  providers: [BadgesService],
})
export class BadgesModule {}
