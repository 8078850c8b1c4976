import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiTokensService } from '../../identity/auth/api-tokens.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { isUnsafeMethod } from '../../identity/auth/csrf';
import { Role } from '../../identity/auth/role.enum';
import { sessionSecretFromCookie } from '../../identity/auth/session-cookie';
import type { SessionsService } from '../../identity/auth/sessions.service';
import type { ErrorBody } from '../../platform/http/errors/error-body';

/**
 * The gate in front of Bull Board, which is an Express router Nest's guards never see. It resolves the
 * caller exactly as the global AuthGuard does (Bearer token, else the session cookie) and lets admins only.
 * The board's own buttons (retry, clean, pause) are cookie-authenticated POST/PUTs without our CSRF token,
 * so for those the Origin must be this site's (the Lax cookie already keeps cross-site forms out).
 */
export function adminOnly(sessions: SessionsService, tokens: ApiTokensService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    resolveCaller(request, sessions, tokens).then(
      (caller) => {
        if (caller === 'bad-token')
          return refuse(response, 401, 'The API token is invalid, expired or revoked');
        if (!caller) return refuse(response, 401, 'Sign in as an admin, or send an admin API token');
        if (caller.user.role !== Role.Admin)
          return refuse(response, 403, 'The queue dashboard is for admins');
        if (caller.via === 'session' && isUnsafeMethod(request.method) && !isSameOrigin(request)) {
          return refuse(response, 403, 'Queue actions must come from the dashboard itself');
        }
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

type Caller = { via: 'token' | 'session'; user: AuthenticatedUser } | 'bad-token' | undefined;

async function resolveCaller(
  request: Request,
  sessions: SessionsService,
  tokens: ApiTokensService,
): Promise<Caller> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
    const resolved = match ? await tokens.resolve(match[1]) : null;
    return resolved ? { via: 'token', user: resolved.user } : 'bad-token';
  }
  const secret = sessionSecretFromCookie(request);
  const session = secret ? await sessions.resolve(secret) : null;
  return session ? { via: 'session', user: session.user } : undefined;
}

function isSameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuse(response: Response, statusCode: 401 | 403, message: string): void {
  const body: ErrorBody = { statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message };
  response.status(statusCode).json(body);
}
