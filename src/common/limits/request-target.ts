import type { NextFunction, Request, Response } from 'express';
import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Longest request target (path and query string) we read. Our longest honest URL, a campaigner's filtered
 * list, stays well under a kilobyte; Node itself stops at 16 KB of headers with a bare 431.
 */
export const MAX_REQUEST_TARGET_BYTES = 8 * 1024;

/** Answers 414 in our error shape before any parser or query spends time on an absurd URL. */
export function rejectLongRequestTargets(request: Request, _response: Response, next: NextFunction): void {
  if (Buffer.byteLength(request.originalUrl ?? request.url, 'utf8') > MAX_REQUEST_TARGET_BYTES) {
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
