import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { ApiTokensService } from './api-tokens.service';
import { isCsrfTokenValid, isUnsafeMethod, takeSubmittedCsrfToken } from './csrf';
import { REQUIRED_ROLES_KEY } from './decorators';
import { IS_PUBLIC_KEY } from '../../platform/http/public-route';
import { RequestAuth, setRequestAuth } from './request-auth';
import { Role } from './role.enum';
import { sessionSecretFromCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/**
 * The one global guard: works out who is calling (API token, else session cookie), enforces CSRF on
 * cookie-authenticated writes, then the route's @Public() / @RequireRoles() rules.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES_KEY, targets);

    const auth = await this.authenticate(request, isPublic);
    if (auth) setRequestAuth(request, auth);
    if (!auth) {
      if (isPublic) return true;
      throw new DomainError(
        DomainErrorCode.Unauthenticated,
        'Sign in, or send an API token as a Bearer token',
      );
    }
    if (roles?.length && auth.user.role !== Role.Admin && !roles.includes(auth.user.role)) {
      throw new DomainError(DomainErrorCode.Forbidden, `This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async authenticate(request: Request, isPublic: boolean): Promise<RequestAuth | undefined> {
    const submittedCsrf = takeSubmittedCsrfToken(request);
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // A script that sends a token means to use it: a bad one is a 401 even on public routes, never a
      // silent fall-back to anonymous or to a cookie.
      const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
      const resolved = match ? await this.tokens.resolve(match[1]) : null;
      if (!resolved) {
        throw new DomainError(
          DomainErrorCode.Unauthenticated,
          'The API token is invalid, expired or revoked',
        );
      }
      return { via: 'token', user: resolved.user, tokenId: resolved.tokenId };
    }

    const secret = sessionSecretFromCookie(request);
    const session = secret ? await this.sessions.resolve(secret) : null;
    if (!session) return undefined;
    if (isUnsafeMethod(request.method) && !isCsrfTokenValid(session.csrfToken, submittedCsrf)) {
      // On a public route (sign-in, say) the request simply goes on as anonymous: it cannot act as the user.
      if (isPublic) return undefined;
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'Missing or invalid CSRF token: send it in the x-csrf-token header or the _csrf form field',
      );
    }
    return { via: 'session', user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken };
  }
}
