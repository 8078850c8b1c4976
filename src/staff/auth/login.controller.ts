import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService } from '../../identity/auth/auth.service';
import { Public } from '../../platform/http/public-route';
import { SignInDto } from '../../identity/auth/dto/sign-in.dto';
import { requestAuth } from '../../identity/auth/request-auth';
import { Role } from '../../identity/auth/role.enum';
import { clearSessionCookie, setSessionCookie } from '../../identity/auth/session-cookie';
import { TooManyAttemptsError } from '../../identity/auth/too-many-attempts.error';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { setFlash } from '../common/flash';
import { field, formValues, type FormBody } from '../common/form-body';
import { FORM_LEVEL, validateDto, type FieldErrors } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { safeNextPath, SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { LoginPage } from './login-page';
import { isSignInTokenValid, issueSignInToken, SIGN_IN_TOKEN_FIELD } from './sign-in-token';

/** Where each role starts after signing in. */
const HOME_BY_ROLE: Record<Role, string> = {
  [Role.Researcher]: '/research',
  [Role.Reviewer]: '/review',
  [Role.Admin]: '/admin',
};

@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller()
export class LoginController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  show(@Req() request: Request, @Res() response: Response, @Query('next') next?: string): void {
    const signedIn = requestAuth(request);
    if (signedIn) return response.redirect(303, safeNextPath(next) ?? HOME_BY_ROLE[signedIn.user.role]);
    this.render(request, response, { values: {}, errors: {} }, safeNextPath(next), 200);
  }

  @Public()
  @Post('login')
  async signIn(@Req() request: Request, @Res() response: Response, @Body() body: FormBody): Promise<void> {
    const next = safeNextPath(field(body, 'next'));
    const values = formValues(body);
    delete values[SIGN_IN_TOKEN_FIELD];
    const retry = (errors: FieldErrors, status: number) =>
      this.render(request, response, { values, errors }, next, status);

    if (!isSignInTokenValid(request, field(body, SIGN_IN_TOKEN_FIELD))) {
      return retry({ [FORM_LEVEL]: ['The sign-in form expired. Please sign in again.'] }, 403);
    }
    const input = await validateDto(SignInDto, {
      email: field(body, 'email'),
      password: typeof body.password === 'string' ? body.password : '',
    });
    if (!input.ok) return retry(input.errors, 400);
    try {
      const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
      const { user, session } = await this.auth.signIn(input.value.email, input.value.password, ip);
      setSessionCookie(response, this.config, session.secret, session.expiresAt);
      response.redirect(303, next ?? HOME_BY_ROLE[user.role]);
    } catch (error: unknown) {
      if (error instanceof TooManyAttemptsError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        return retry({ [FORM_LEVEL]: [error.message] }, 429);
      }
      if (error instanceof DomainError && error.code === DomainErrorCode.Unauthenticated) {
        return retry({ [FORM_LEVEL]: [error.message] }, 401);
      }
      throw error;
    }
  }

  @Post('logout')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const auth = requestAuth(request);
    if (auth?.via === 'session') await this.auth.signOut(auth.sessionId, auth.user.id);
    clearSessionCookie(response, this.config);
    setFlash(response, { kind: 'ok', text: 'You are signed out.' }, this.config.secureCookies);
    response.redirect(303, '/login');
  }

  private render(
    request: Request,
    response: Response,
    form: { values: Record<string, string | string[]>; errors: FieldErrors },
    next: string | undefined,
    status: number,
  ): void {
    const signInToken = issueSignInToken(request, response, this.config.secureCookies);
    sendPage(response, LoginPage({ ctx: webContext(request, response), form, signInToken, next }), status);
  }
}
