import type { NextFunction, Request, Response } from 'express';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * Deepest nesting a request body may have. Our deepest DTO (a flag resolution that creates a commitment with
 * its scope) nests five levels; 32 leaves room for any honest client.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses bodies nested deeper than MAX_BODY_DEPTH with a 400. Without it, a 100 KB body of `{"a":{"a":...`
 * overflows the stack of recursive code further on (ValidationPipe's prototype-key stripping, class-transformer)
 * and turns into a 500. The walk here is iterative, so it cannot overflow itself.
 */
export function rejectDeeplyNestedBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
    next(
      new DomainError(
        DomainErrorCode.InvalidInput,
        `The request body nests deeper than ${MAX_BODY_DEPTH} levels`,
      ),
    );
    return;
  }
  next();
}

export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const next = pending.pop() as { value: unknown; depth: number };
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
