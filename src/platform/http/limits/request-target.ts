import type { NextFunction, Request, Response } from 'express';
import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * Longest request target (path and query string) we read. Our longest honest URL, a campaigner's filtered
 * list, stays well under a kilobyte; Node itself stops at 16 KB of headers with a bare 431.
 */
export const MAX_REQUEST_TARGET_BYTES = 8 * 1024;

/**
 * Answers 414 in our error shape before any parser or query spends time on an absurd URL, and 400 for a URL
 * carrying a NUL character (`%00`), which no route can use and Postgres cannot hold: caught here, it cannot
 * fail a query after a streamed export has already sent its 200.
 */
export function rejectBadRequestTargets(request: Request, _response: Response, next: NextFunction): void {
  const target = request.originalUrl ?? request.url;
  if (/%00/.test(target)) {
    next(new DomainError(DomainErrorCode.InvalidInput, 'The URL may not contain the NUL character (%00)'));
    return;
  }
  if (Buffer.byteLength(target, 'utf8') > MAX_REQUEST_TARGET_BYTES) {
    next(
      new HttpException(
        `The URL is longer than ${MAX_REQUEST_TARGET_BYTES} bytes; send fewer or shorter query parameters`,
        HttpStatus.URI_TOO_LONG,
      ),
    );
    return;
  }
  next();
}
