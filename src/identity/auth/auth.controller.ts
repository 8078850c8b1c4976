import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { UserView } from '../users/user-view';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { Public } from '../../platform/http/public-route';
import { SignInDto } from './dto/sign-in.dto';
import { requestAuth } from './request-auth';
import { RetryAfterFilter } from './retry-after.filter';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

interface SignInResponse {
  user: UserView;
  /** Send back as the x-csrf-token header (or _csrf form field) on every write made with the cookie. */
  csrfToken: string;
  expiresAt: string;
}

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
  async login(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResponse> {
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const { user, session } = await this.auth.signIn(body.email, body.password, ip);
    setSessionCookie(response, this.config, session.secret, session.expiresAt);
    return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session on the server and clears the cookie' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const auth = requestAuth(request);
    if (auth?.via === 'session') await this.auth.signOut(auth.sessionId, auth.user.id);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, and the CSRF token when signed in with the cookie' })
  async me(@Req() request: Request): Promise<{ user: UserView; csrfToken: string | null }> {
    const auth = requestAuth(request);
    const user = auth ? await this.users.findById(auth.user.id) : null;
    if (!auth || !user) throw new DomainError(DomainErrorCode.Unauthenticated, 'Not signed in');
    return { user, csrfToken: auth.via === 'session' ? auth.csrfToken : null };
  }
}
