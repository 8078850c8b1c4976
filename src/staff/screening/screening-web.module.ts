import { Module } from '@nestjs/common';
import { ScreeningModule } from '../../screening/screening.module';
import { ScreeningPagesController } from './screening-pages.controller';

/** The screening pages, apart from ScreeningModule so the CLI loads the screening without the web's config. */
@Module({
  imports: [ScreeningModule],
  controllers: [ScreeningPagesController],
})
export class ScreeningWebModule {}
