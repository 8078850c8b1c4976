import { Role } from '../../../src/identity/auth/role.enum';
import { accountDelayMs, SIGN_IN_LIMITS } from '../../../src/identity/auth/sign-in-rate-limiter';
import { createUser } from '../../support/auth';
import { startTestApp, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

/**
 * Issue 15: five wrong passwords locked a known account for 15 minutes, its owner included, and 30 failures
 * from one address locked out a whole office behind one NAT. Behind a trusted proxy, so each request may
 * come from the address the test names.
 */
describe('failed sign-ins that do not lock out the owner', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { TRUST_PROXY: '1' } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  function login(from: string, email: string, password: string): Promise<Response> {
    return fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email, password }),
    });
  }

  it('refuses the attacking address only: the owner signs in from theirs', async () => {
    const owner = await createUser(testApp, Role.Reviewer);
    for (let attempt = 1; attempt <= SIGN_IN_LIMITS.perEmailAndIp; attempt++) {
      expect((await login('203.0.113.10', owner.email, `guess ${attempt}`)).status).toBe(401);
    }
    const attacker = await login('203.0.113.10', owner.email, owner.password);
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0);

    // The owner may be asked to wait a moment (the account's delay), never for the attacker's window.
    const signedIn = await waitFor(
      async () => {
        const response = await login('198.51.100.20', owner.email, owner.password);
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(
            SIGN_IN_LIMITS.maxEmailDelaySeconds,
          );
          return undefined;
        }
        return response;
      },
      { timeoutMs: 5_000, intervalMs: 200, description: 'the owner signed in' },
    );
    expect(signedIn.status).toBe(200);
  });

  it('slows an account guessed from many addresses down, with a wait that grows but stays under a minute', async () => {
    const owner = await createUser(testApp, Role.Researcher);
    for (let attempt = 1; attempt <= SIGN_IN_LIMITS.perEmailBeforeDelay; attempt++) {
      expect((await login(`192.0.2.${attempt}`, owner.email, `guess ${attempt}`)).status).toBe(401);
    }
    const slowed = await login('192.0.2.99', owner.email, 'another guess');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBe(
      accountDelayMs(SIGN_IN_LIMITS.perEmailBeforeDelay) / 1000,
    );

    expect([5, 6, 7, 8, 20, 1000].map(accountDelayMs)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
    expect([0, 4].map(accountDelayMs)).toEqual([0, 0]);
  });

  it('lets an office of 40 people behind one address each mistype and then sign in', async () => {
    const office = '198.51.100.200';
    const colleagues = await Promise.all(
      Array.from({ length: 40 }, () => createUser(testApp, Role.Researcher)),
    );
    for (const colleague of colleagues) {
      expect((await login(office, colleague.email, 'caps lock was on')).status).toBe(401);
    }
    for (const colleague of colleagues) {
      expect((await login(office, colleague.email, colleague.password)).status).toBe(200);
    }
  });
});
