import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app-config';

/**
 * Helmet's defaults, tightened: no framing at all (clickjacking on the review and admin forms), forms post
 * only to us, no plugins, no <base> tricks, scripts only from our own files (the pages have no inline
 * script). HSTS and upgrade-insecure-requests only when we are served over https: on a plain-http install
 * they would break the site.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies
      ? { maxAge: 365 * 24 * 3600, includeSubDomains: true }
      : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
