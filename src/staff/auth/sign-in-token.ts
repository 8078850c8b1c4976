import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { constantTimeEquals } from '../../identity/auth/secrets';

const SIGN_IN_TOKEN_COOKIE = 'pw_sign_in';
/** Not `_csrf`: the global guard takes that field out of the body before any handler sees it. */
export const SIGN_IN_TOKEN_FIELD = '_sign_in_token';

/**
 * The sign-in form has no session yet to tie a CSRF token to, so it uses a double-submit token: a random
 * value in a signed cookie that must come back in the form. It stops another site from signing a visitor
 * into an account of the attacker's (login CSRF), where their research notes would then be saved.
 */
export function issueSignInToken(request: Request, response: Response, secure: boolean): string {
  const existing = currentToken(request);
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  response.cookie(SIGN_IN_TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    path: '/login',
  });
  return token;
}

export function isSignInTokenValid(request: Request, submitted: string): boolean {
  const expected = currentToken(request);
  return expected !== undefined && submitted.length > 0 && constantTimeEquals(expected, submitted);
}

function currentToken(request: Request): string | undefined {
  const value = (request.signedCookies as Record<string, unknown> | undefined)?.[SIGN_IN_TOKEN_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
