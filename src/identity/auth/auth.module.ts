import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { SignInRateLimiter } from './sign-in-rate-limiter';

/** Sign-in, sessions, API tokens, and the global guard every route passes through. */
@Module({
  imports: [UsersModule],
  controllers: [AuthController, ApiTokensController],
  providers: [
    AuthService,
    SessionsService,
    ApiTokensService,
    SignInRateLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ApiTokensService, SessionsService, AuthService],
})
export class AuthModule {}
