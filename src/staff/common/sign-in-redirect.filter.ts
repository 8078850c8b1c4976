import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageErrorsFilter } from '../../ui/page-errors.filter';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/**
 * On the web pages, someone who is not signed in (or whose session ended) is sent to the sign-in page and
 * brought back afterwards, instead of reading a 401. Everything else is answered as usual.
 */
@Catch()
export class SignInRedirectFilter extends PageErrorsFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const unauthenticated =
      exception instanceof DomainError && exception.code === DomainErrorCode.Unauthenticated;
    if (unauthenticated && !response.headersSent) {
      const next = request.method === 'GET' ? request.originalUrl : '';
      response.redirect(303, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
      return;
    }
    super.catch(exception, host);
  }
}

/** Only our own paths may follow a sign-in: never another site (an open redirect). */
export function safeNextPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return undefined;
  }
  return next;
}
