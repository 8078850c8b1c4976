import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IS_PUBLIC_EXTENSION } from '../public-route';
import { ApiErrorBody } from './api-error-body';

const ERROR_SCHEMA = { $ref: `#/components/schemas/${ApiErrorBody.name}` };
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** Why each status can happen, as the document says it. */
const REASONS: Record<number, string> = {
  400: 'Invalid input (path, query or body); `details` lists the fields and their problems',
  401: 'Not signed in, or a bearer token that is unknown, expired or revoked (refused even on public routes)',
  403: 'Signed in without the role the route needs, or a cookie-authenticated write without its CSRF token',
  404: 'Nothing with that id or slug that you may see',
  409: 'Conflicts with the current state (a slug already taken, a record already reviewed, four eyes)',
  413: 'Body over 1 MB',
  415: 'Body in a media type the route does not read (JSON, or a form for the pages)',
  429: 'Too many requests; `Retry-After` says when to try again',
  503: 'A dependency (Postgres or Redis) is unavailable; try again shortly',
};

/**
 * Adds to every operation the errors it can answer, each in the `{statusCode, error, message, details?}` shape,
 * from what the document already knows about it: everything can be a bad request target, meet a bad token or
 * find the database away; routes that are not `x-public`, and every write (CSRF), can be forbidden; a path
 * parameter can name nothing; a body can be too big, of the wrong type or in conflict. Errors a route declared
 * itself (a 429) keep their description and get the same shape.
 */
export function documentErrorResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, OperationObject]>) {
      if (typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const status of errorsOf(method, operation)) {
        operation.responses[status] ??= { description: REASONS[status] };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response && !('$ref' in response)) withErrorBody(response);
      }
    }
  }
}

function errorsOf(method: string, operation: OperationObject): number[] {
  const hasPathParameter = (operation.parameters ?? []).some(
    (parameter) => 'in' in parameter && parameter.in === 'path',
  );
  const hasBody = operation.requestBody !== undefined;
  const isPublic = Object.entries(operation).some(
    ([key, value]) => key === IS_PUBLIC_EXTENSION && value === true,
  );
  const statuses = [400, 401, 503];
  if (!isPublic || WRITES.has(method)) statuses.push(403);
  if (hasPathParameter) statuses.push(404);
  if (WRITES.has(method) && (hasBody || hasPathParameter)) statuses.push(409);
  if (hasBody) statuses.push(413, 415);
  return statuses;
}

function withErrorBody(response: ResponseObject): void {
  response.content ??= { 'application/json': { schema: ERROR_SCHEMA } };
}
