import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { ApiTokensService } from '../../../src/identity/auth/api-tokens.service';
import { AuthGuard } from '../../../src/identity/auth/auth.guard';
import { RequireRoles } from '../../../src/identity/auth/decorators';
import { Public } from '../../../src/platform/http/public-route';
import { requestAuth } from '../../../src/identity/auth/request-auth';
import { Role } from '../../../src/identity/auth/role.enum';
import type { SessionsService } from '../../../src/identity/auth/sessions.service';
import { DomainError } from '../../../src/platform/http/errors/domain-error';

/** The guard's rules on their own, with sessions and tokens stubbed (the HTTP specs cover the real ones). */
class Routes {
  @Public()
  open(): void {}

  @RequireRoles(Role.Reviewer)
  reviewOnly(): void {}

  anySignedIn(): void {}
}

const TOKENS: Record<string, Role> = {
  pw_researcher: Role.Researcher,
  pw_reviewer: Role.Reviewer,
  pw_admin: Role.Admin,
};

const tokens = {
  resolve: (token: string) =>
    Promise.resolve(
      TOKENS[token]
        ? { tokenId: token, user: { id: token, email: `${token}@x.org`, role: TOKENS[token] } }
        : null,
    ),
} as unknown as ApiTokensService;
const sessions = { resolve: () => Promise.resolve(null) } as unknown as SessionsService;
const guard = new AuthGuard(new Reflector(), sessions, tokens);

function contextFor(handler: keyof Routes, token?: string): { context: ExecutionContext; request: Request } {
  const request = {
    method: 'GET',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signedCookies: {},
  } as unknown as Request;
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function outcome(handler: keyof Routes, token?: string): Promise<string> {
  try {
    await guard.canActivate(contextFor(handler, token).context);
    return 'allowed';
  } catch (error: unknown) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

describe('the auth guard rules', () => {
  it('lets anyone reach a @Public() route, and still tells the handler who a signed-in caller is', async () => {
    expect(await outcome('open')).toBe('allowed');
    const { context, request } = contextFor('open', 'pw_reviewer');
    await guard.canActivate(context);
    expect(requestAuth(request)?.user).toMatchObject({ role: Role.Reviewer });
  });

  it('lets any signed-in role reach an undecorated route, and nobody else', async () => {
    expect(await outcome('anySignedIn')).toBe('unauthenticated');
    for (const token of ['pw_researcher', 'pw_reviewer', 'pw_admin']) {
      expect(await outcome('anySignedIn', token)).toBe('allowed');
    }
  });

  it('checks @RequireRoles(), with admin passing every role check', async () => {
    expect(await outcome('reviewOnly')).toBe('unauthenticated');
    expect(await outcome('reviewOnly', 'pw_researcher')).toBe('forbidden');
    expect(await outcome('reviewOnly', 'pw_reviewer')).toBe('allowed');
    expect(await outcome('reviewOnly', 'pw_admin')).toBe('allowed');
  });

  it('refuses an unknown token even on a public route', async () => {
    expect(await outcome('open', 'pw_unknown')).toBe('unauthenticated');
  });
});
