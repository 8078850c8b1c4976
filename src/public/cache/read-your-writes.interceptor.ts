import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { PublicDataVersion } from './public-data-version';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * After a write handled by this process has committed, re-read the public data version before answering, so
 * the writer's next page view is never served from a copy older than their own change (the NOTIFY would
 * arrive a moment later). Other processes catch up when the NOTIFY reaches them.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly version: PublicDataVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!UNSAFE.has(request.method)) return next.handle();
    return next
      .handle()
      .pipe(switchMap((result: unknown) => from(this.version.refresh().then(() => result))));
  }
}
