import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user';

/** How the caller of one request proved who they are. */
export type RequestAuth =
  | { via: 'session'; user: AuthenticatedUser; sessionId: string; csrfToken: string }
  | { via: 'token'; user: AuthenticatedUser; tokenId: string };

// A WeakMap instead of a property on Request: no global type augmentation, nothing for other middleware to
// overwrite, and the entry goes away with the request.
const authByRequest = new WeakMap<Request, RequestAuth>();

export function setRequestAuth(request: Request, auth: RequestAuth): void {
  authByRequest.set(request, auth);
}

export function requestAuth(request: Request): RequestAuth | undefined {
  return authByRequest.get(request);
}

/**
 * The CSRF token of the caller's session, for server-rendered forms (`<input type="hidden" name="_csrf">`).
 * Undefined when the request is anonymous or authenticated by an API token (which needs none).
 */
export function csrfTokenOf(request: Request): string | undefined {
  const auth = authByRequest.get(request);
  return auth?.via === 'session' ? auth.csrfToken : undefined;
}
