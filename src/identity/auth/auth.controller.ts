import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { Public } from '../../platform/http/public-route';
import { CurrentUserView, SignInView } from './dto/session.view';
import { SignInDto } from './dto/sign-in.dto';
import { requestAuth } from './request-auth';
import { RetryAfterFilter } from './retry-after.filter';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseFilters(RetryAfterFilter)
  @ApiOperation({ summary: 'Sign in; sets the session cookie and returns the CSRF token for writes' })
  @ApiOkResponse({ type: SignInView })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins; see Retry-After' })
  async login(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInView> {
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const { user, session } = await this.auth.signIn(body.email, body.password, ip);
    setSessionCookie(response, this.config, session.secret, session.expiresAt);
    return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session on the server and clears the cookie' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const auth = requestAuth(request);
    if (auth?.via === 'session') await this.auth.signOut(auth.sessionId, auth.user.id);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, and the CSRF token when signed in with the cookie' })
  @ApiOkResponse({ type: CurrentUserView })
  async me(@Req() request: Request): Promise<CurrentUserView> {
    const auth = requestAuth(request);
    const user = auth ? await this.users.findById(auth.user.id) : null;
    if (!auth || !user) throw new DomainError(DomainErrorCode.Unauthenticated, 'Not signed in');
    return { user, csrfToken: auth.via === 'session' ? auth.csrfToken : null };
  }
}
