import type { Request } from 'express';
import { requestAuth } from '../identity/auth/request-auth';
import type { Viewer } from './layout';

/** Who is looking at a page and the CSRF token their forms carry; both undefined for anonymous visitors. */
export interface PageContext {
  viewer?: Viewer;
  csrfToken?: string;
}

export function pageContextOf(request: Request): PageContext {
  const auth = requestAuth(request);
  if (!auth) return {};
  return {
    viewer: { email: auth.user.email, role: auth.user.role },
    csrfToken: auth.via === 'session' ? auth.csrfToken : undefined,
  };
}
