import { createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user';
import { requestAuth } from './request-auth';
import type { Role } from './role.enum';

export const REQUIRED_ROLES_KEY = 'pledgewatch:requiredRoles';

/** A signed-in caller with one of these roles; `admin` passes every check. */
export const RequireRoles = (...roles: Role[]): CustomDecorator<string> =>
  SetMetadata(REQUIRED_ROLES_KEY, roles);

/** The caller, or undefined on a @Public() route called anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    requestAuth(context.switchToHttp().getRequest<Request>())?.user,
);
