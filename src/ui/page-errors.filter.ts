import { Catch } from '@nestjs/common';
import { AllExceptionsFilter } from '../platform/http/errors/all-exceptions.filter';
import type { ErrorBody } from '../platform/http/errors/error-body';
import { renderErrorPage } from './error-page';

/** The error filter of the whole app: JSON for the API, an HTML page for people browsing the pages. */
@Catch()
export class PageErrorsFilter extends AllExceptionsFilter {
  protected override htmlPage(body: ErrorBody): string {
    return renderErrorPage(body.statusCode, body.error, body.message);
  }
}
