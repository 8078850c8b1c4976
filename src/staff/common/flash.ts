import type { Request, Response } from 'express';

const FLASH_COOKIE = 'pw_flash';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * A one-time message carried across a POST-redirect-GET. Signed (cookie-parser's secret), so a third party
 * cannot plant text on our pages; it only ever holds our own words about what just happened.
 */
export function setFlash(response: Response, flash: Flash, secure: boolean): void {
  response.cookie(FLASH_COOKIE, JSON.stringify(flash), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    path: '/',
    maxAge: 60_000,
  });
}

/** The message left by the previous request, cleared so it shows once. */
export function takeFlash(request: Request, response: Response): Flash | undefined {
  const raw = (request.signedCookies as Record<string, unknown> | undefined)?.[FLASH_COOKIE];
  if (raw === undefined) return undefined;
  response.clearCookie(FLASH_COOKIE, { path: '/' });
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Flash>;
    if ((parsed.kind === 'ok' || parsed.kind === 'error') && typeof parsed.text === 'string') {
      return { kind: parsed.kind, text: parsed.text };
    }
  } catch {
    // A cookie from an older version: ignore it.
  }
  return undefined;
}
