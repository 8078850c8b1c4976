import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DOMAIN_ERROR_STATUS, DomainError } from './domain-error';
import type { ErrorBody } from './error-body';
import { isUnavailableDependency } from './unavailable-dependency';

/**
 * Every error leaves the API as `{statusCode, error, message, details?}`; unknown errors become a 500
 * that says nothing about our internals (the log has the stack). Pages get an HTML error from the subclass
 * in ui/ (PageErrorsFilter), which knows the layout: the platform never depends on the pages.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (body.statusCode === 503 && isUnavailableDependency(exception)) {
      this.logger.warn(`Dependency unavailable: ${(exception as Error).message}`);
    }
    if (response.headersSent) return;
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    const page = wantsHtml(request) ? this.htmlPage(body) : undefined;
    if (page !== undefined) {
      response.status(body.statusCode).type('html').send(page);
      return;
    }
    // Explicitly: a route's @Header('Content-Type', ...) is already on the response, and Express's json()
    // keeps a type that is set, so an error of an HTML page went out as text/html with the slug in it.
    response.status(body.statusCode).type('application/json').json(body);
  }

  /** The HTML page for an error a browser asked for; none here, so browsers get the JSON body. */
  protected htmlPage(_body: ErrorBody): string | undefined {
    return undefined;
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_ERROR_STATUS[exception.code];
      return withDetails(
        { statusCode, error: reasonPhrase(statusCode), message: exception.message },
        exception.details,
      );
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      const known = fromDatabaseError(exception as QueryFailedError & { code?: string; constraint?: string });
      if (known) return known;
    }
    if (isUnavailableDependency(exception)) {
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'A service we depend on is briefly unavailable; please try again shortly',
      };
    }
    // Body-parser and similar middleware errors carry an HTTP status of their own (400, 413, 415...).
    const status = (exception as { status?: unknown; statusCode?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: reasonPhrase(status), message: (exception as Error).message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const base = { statusCode, error: reasonPhrase(statusCode) };
  if (typeof response === 'string') return { ...base, message: response };
  const fields = response as { message?: unknown; details?: unknown; error?: unknown; status?: unknown };
  // Terminus health results: say which parts are down, keep its report as details.
  if (fields.status === 'error' && 'details' in fields) {
    const down = Object.keys((fields as { error?: Record<string, unknown> }).error ?? {});
    return { ...base, message: `Down: ${down.join(', ')}`, details: response };
  }
  const message = Array.isArray(fields.message)
    ? fields.message.join('; ')
    : typeof fields.message === 'string'
      ? fields.message
      : exception.message;
  return withDetails({ ...base, message }, fields.details);
}

function fromDatabaseError(
  error: QueryFailedError & { code?: string; constraint?: string },
): ErrorBody | undefined {
  switch (error.code ?? '') {
    case '23505':
      return {
        statusCode: 409,
        error: 'Conflict',
        message: `Already exists (${error.constraint ?? 'unique value'})`,
      };
    case '23503':
      return {
        statusCode: 409,
        error: 'Conflict',
        message: `Refers to a record that does not exist or is in use`,
      };
    case '22P02':
    case '22007':
    case '22008':
      return { statusCode: 400, error: 'Bad Request', message: 'A value has the wrong format' };
    // Postgres text and jsonb cannot hold the NUL character (U+0000), wherever in the input it came from:
    // a path segment, a query parameter or a field of the body.
    case '22021':
    case '22P05':
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Text may not contain the NUL character (\\u0000)',
      };
    default:
      return undefined;
  }
}

function withDetails(body: ErrorBody, details: unknown): ErrorBody {
  return details === undefined ? body : { ...body, details };
}

function reasonPhrase(statusCode: number): string {
  const name = HttpStatus[statusCode] as string | undefined;
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * A page's address answers errors as a page: a link opened from a mail, a chat preview or a terminal sends
 * `*\/*` (or nothing) and must not see the API's JSON. Only a client that prefers JSON gets it there. The API,
 * /health, the queue board and files (feed.atom, badges: any path with an extension) always answer JSON.
 */
function wantsHtml(request: Request): boolean {
  const path = request.path ?? '';
  if (path.startsWith('/api') || path === '/health' || path.startsWith('/admin/queues')) return false;
  if (/\.[a-z0-9]+$/i.test(path)) return false;
  return request.accepts(['html', 'json']) === 'html';
}
