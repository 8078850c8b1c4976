import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../platform/config/app-config';

export const SESSION_COOKIE = 'pw_session';

/** Sessions end 12 hours after sign-in, whatever happens; a working day without signing in twice. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

function cookieOptions(config: AppConfig): CookieOptions {
  // Lax, not Strict: following a link to Pledgewatch from elsewhere should arrive signed in; Lax still keeps
  // the cookie off cross-site POSTs, and the CSRF token covers the rest.
  return { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', signed: true };
}

export function setSessionCookie(
  response: Response,
  config: AppConfig,
  secret: string,
  expiresAt: Date,
): void {
  response.cookie(SESSION_COOKIE, secret, { ...cookieOptions(config), expires: expiresAt });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  // Without `signed`: Express would otherwise sign the empty value it writes.
  response.clearCookie(SESSION_COOKIE, { ...cookieOptions(config), signed: false });
}

/** The session secret from a cookie whose signature holds (cookie-parser sets `false` for a forged one). */
export function sessionSecretFromCookie(request: Request): string | undefined {
  const signed = (request.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof signed === 'string' && signed.length > 0 ? signed : undefined;
}
