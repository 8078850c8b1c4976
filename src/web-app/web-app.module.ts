import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LoginController } from './auth/login.controller';

/**
 * The web app for researchers, reviewers and admins: server-rendered pages over the same services (and
 * DTOs) as the API. The public pages (/, /brands, /methodology) live elsewhere.
 */
@Module({
  imports: [AuthModule],
  controllers: [LoginController],
})
export class WebAppModule {}
