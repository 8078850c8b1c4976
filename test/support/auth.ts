import { randomBytes } from 'node:crypto';
import { ApiTokensService } from '../../src/identity/auth/api-tokens.service';
import { Role } from '../../src/identity/auth/role.enum';
import { UsersService } from '../../src/identity/users/users.service';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** An API token of the user (`pw_...`). */
  token: string;
  /** `{ authorization: 'Bearer <token>' }`, ready for fetch or supertest. */
  headers: Record<string, string>;
}

/** A user with the role and a fresh API token, made through the real services (so it is audited too). */
export async function createUser(testApp: TestApp, role: Role, email?: string): Promise<TestUser> {
  const password = `test-password-${randomBytes(8).toString('hex')}`;
  const address = email ?? `${role}-${randomBytes(4).toString('hex')}@example.org`;
  const user = await testApp.app.get(UsersService).create({ email: address, role, password }, null);
  const { token } = await testApp.app.get(ApiTokensService).create(user.id, { name: 'test helper' });
  return { id: user.id, email: user.email, password, token, headers: { authorization: `Bearer ${token}` } };
}

export interface BrowserSession {
  /** `pw_session=...`, to send as the cookie header. */
  cookie: string;
  csrfToken: string;
  /** Cookie and CSRF headers for a write made as a browser would. */
  headers: Record<string, string>;
}

/** Signs in through POST /api/auth/login, as the web pages will. */
export async function signIn(testApp: TestApp, email: string, password: string): Promise<BrowserSession> {
  const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
