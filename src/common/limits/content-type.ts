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
  // `is` answers null when the request has no body at all, false when its type is not one of these.
  if (request.is(PARSED_CONTENT_TYPES) === false) {
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
