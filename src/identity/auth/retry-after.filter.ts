import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Response } from 'express';
import { AllExceptionsFilter } from '../../platform/http/errors/all-exceptions.filter';
import { TooManyAttemptsError } from './too-many-attempts.error';

/** Adds Retry-After to a 429, then answers in the usual error shape. */
@Catch(TooManyAttemptsError)
export class RetryAfterFilter extends AllExceptionsFilter {
  override catch(exception: TooManyAttemptsError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
