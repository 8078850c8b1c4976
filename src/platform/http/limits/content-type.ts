import { HttpException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The only bodies we parse (each capped at 1 MB); the web forms post the second. */
export const PARSED_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * A request with a body of any other type (text/plain, multipart, XML...) gets a 415 naming what we take,
 * instead of reaching a handler with an empty body and failing validation for reasons that mislead. No route
 * takes uploads: CSV imports travel as a form field.
 */
export function rejectUnparsedContentTypes(request: Request, _response: Response, next: NextFunction): void {
  // An empty body (`content-length: 0`, as many clients send on a bare POST) has no type to check.
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is(PARSED_CONTENT_TYPES)) {
    next(
      new HttpException(
        `Send the body as ${PARSED_CONTENT_TYPES.join(' or ')}`,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ),
    );
    return;
  }
  next();
}
