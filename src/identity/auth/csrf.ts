import type { Request } from 'express';
import { constantTimeEquals, hmac } from './secrets';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FORM_FIELD = '_csrf';

/**
 * Synchroniser token tied to the session, derived rather than stored: HMAC(SESSION_SECRET, session id).
 * Only the server can compute it, it is different for every session and dies with it (a new sign-in gives a
 * new one), and checking it needs no extra storage because the guard has already loaded the session. We chose
 * it over double-submit cookies because those can be planted by a sibling subdomain or a man-in-the-middle on
 * http, and our token's value never sits in a cookie at all.
 */
export function csrfTokenForSession(sessionSecret: string, sessionId: string): string {
  return hmac(sessionSecret, `csrf:${sessionId}`);
}

export function isCsrfTokenValid(expected: string, submitted: string | undefined): boolean {
  return submitted !== undefined && constantTimeEquals(expected, submitted);
}

export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * The token the client sent, from the header (fetch/XHR) or the `_csrf` field of an HTML form. The form field
 * is removed from the body so DTO validation (which refuses unknown fields) never sees it.
 */
export function takeSubmittedCsrfToken(request: Request): string | undefined {
  const header = request.headers[CSRF_HEADER];
  const body: unknown = request.body;
  let field: unknown;
  if (body !== null && typeof body === 'object' && CSRF_FORM_FIELD in body) {
    field = (body as Record<string, unknown>)[CSRF_FORM_FIELD];
    delete (body as Record<string, unknown>)[CSRF_FORM_FIELD];
  }
  if (typeof header === 'string' && header.length > 0) return header;
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}
