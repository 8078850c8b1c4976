import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 that also tells the client when to try again (the Retry-After header, set by RetryAfterFilter). */
export class TooManyAttemptsError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
