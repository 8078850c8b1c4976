import {
  type CallHandler,
  type CustomDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { IS_PUBLIC_KEY } from '../public-route';

const CROSS_ORIGIN_READ_KEY = 'pledgewatch:crossOriginRead';
const READS = new Set(['GET', 'HEAD']);

/**
 * The public reads of this controller (or handler) may be read from any origin: a campaign group's page
 * embeds a badge, a newsroom's script fetches a scorecard or an export. Only GET and HEAD of routes that are
 * also @Public(); everything signed-in stays same-origin. See CrossOriginReadInterceptor.
 */
export const CrossOriginRead = (): CustomDecorator<string> => SetMetadata(CROSS_ORIGIN_READ_KEY, true);

/**
 * CORS without credentials for the routes marked @CrossOriginRead(): `Access-Control-Allow-Origin: *` and never
 * `-Allow-Credentials`, so a browser refuses the answer to any request that carried cookies, and a page on
 * another origin only ever reads what an anonymous visitor would. The value does not depend on the request,
 * so cached copies stay valid for every origin and need no `Vary: Origin`. `Cross-Origin-Resource-Policy:
 * cross-origin` replaces helmet's `same-origin`, which would otherwise blank an `<img>` of a badge embedded
 * elsewhere. No preflight is answered: reads need no custom headers, and a bearer token is a credential.
 */
@Injectable()
export class CrossOriginReadInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && this.applies(context)) {
      const response = context.switchToHttp().getResponse<Response>();
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    return next.handle();
  }

  private applies(context: ExecutionContext): boolean {
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    const targets = [context.getHandler(), context.getClass()];
    return (
      READS.has(method) &&
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true &&
      this.reflector.getAllAndOverride<boolean>(CROSS_ORIGIN_READ_KEY, targets) === true
    );
  }
}
