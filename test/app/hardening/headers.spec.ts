import { DataSource } from 'typeorm';
import { CaptureRecorder } from '../../../src/evidence/captures/capture-recorder';
import { EvidenceCapture } from '../../../src/evidence/captures/capture.entity';
import { ARCHIVED_COPY_CSP } from '../../../src/evidence/captures/served-capture';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { startTestApp, TestApp } from '../../support/test-app';
import { launchChromium, openPage } from '../../support/chromium';
import { closeRawConnections, rawRequest, RawResponse } from '../../support/raw-http';

let plain: TestApp;
let secure: TestApp;

beforeAll(async () => {
  [plain, secure] = await Promise.all([
    startTestApp(),
    startTestApp({ env: { SECURE_COOKIES: 'true', TRUST_PROXY: '1' } }),
  ]);
}, 120_000);

afterAll(async () => {
  closeRawConnections();
  await Promise.all([plain?.close(), secure?.close()]);
});

function get(app: TestApp, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(app.baseUrl, { method: 'GET', target, headers });
}

function directives(response: RawResponse): Map<string, string> {
  const policy = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

/** What every page, API answer and error carries. */
const EVERYWHERE = ['/', '/brands', '/login', '/api/brands', '/api/nope', '/health', '/api/docs'];

describe('security headers', () => {
  it.each(EVERYWHERE)(
    '%s has a CSP that forbids framing, inline scripts, plugins and foreign forms',
    async (target) => {
      const policy = directives(await get(plain, target));
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(policy.get('form-action')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('base-uri')).toBe("'self'");
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('script-src-attr')).toBe("'none'");
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
    },
  );

  it.each(EVERYWHERE)('%s says no-referrer, nosniff and DENY, and not what runs it', async (target) => {
    const response = await get(plain, target);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends no HSTS over plain http, where it would lock browsers out of the site', async () => {
    expect((await get(plain, '/')).headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS and upgrades insecure requests when served over https (SECURE_COOKIES)', async () => {
    const response = await get(secure, '/');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(response).has('upgrade-insecure-requests')).toBe(true);
  });

  it('serves the Swagger UI at /api/docs working under the same CSP, with no violation reported', async () => {
    const chromium = await launchChromium();
    try {
      const page = await openPage(chromium.browser, chromium.dialogs);
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${plain.baseUrl}/api/docs`, { waitUntil: 'networkidle0' });
      await page.waitForSelector('.swagger-ui .info .title');
      const title = await page.$eval('.swagger-ui .info .title', (element) => element.textContent ?? '');
      expect(title).toContain('Pledgewatch API');
      expect(await page.$$('.opblock')).not.toHaveLength(0);
      expect(violations).toEqual([]);
    } finally {
      await chromium.close();
    }
  }, 60_000);
});

describe('error answers', () => {
  it('serve a JSON error as JSON even from a route that declares HTML, so a slug is never rendered as markup', async () => {
    const target = `/brands/${encodeURIComponent('<img src=x onerror=alert(1)>')}`;
    const response = await get(plain, target, { accept: 'application/json' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('render the HTML error page, escaped, for a browser', async () => {
    const target = `/brands/${encodeURIComponent('<img src=x onerror=alert(1)>')}`;
    const response = await get(plain, target, { accept: 'text/html' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).not.toContain('<img src=x');
  });
});

describe('cookies', () => {
  async function signInCookie(app: TestApp, headers: Record<string, string> = {}): Promise<string> {
    const user = await createUser(app, Role.Researcher);
    const response = await rawRequest(app.baseUrl, {
      method: 'POST',
      target: '/api/auth/login',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(response.status).toBe(200);
    return String(response.headers['set-cookie']?.[0]);
  }

  it('marks the session cookie HttpOnly, SameSite=Lax, Path=/ and, over plain http, not Secure', async () => {
    const cookie = await signInCookie(plain);
    expect(cookie).toMatch(/^pw_session=s%3A/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('marks the session cookie Secure when SECURE_COOKIES is set', async () => {
    expect(await signInCookie(secure, { 'x-forwarded-proto': 'https' })).toMatch(/; Secure/);
  });

  it('scopes the sign-in form token cookie to /login, HttpOnly and SameSite', async () => {
    const cookies = (await get(plain, '/login')).headers['set-cookie'] ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\/login/);
    }
  });
});

describe('the archived copy of evidence', () => {
  it('keeps its own sandboxed CSP, not weakened or merged with the global one', async () => {
    const evidence = await new CatalogueFactory(plain).verifiedEvidence();
    const dataSource = plain.app.get(DataSource);
    const capture = await dataSource
      .getRepository(EvidenceCapture)
      .findOneByOrFail({ evidenceId: evidence.id });
    await new CaptureRecorder(dataSource, plain.config).complete(capture, {
      finalUrl: 'https://example.org/statement',
      status: 200,
      contentType: 'text/html',
      html: '<html><body><p>We do not source from the region.</p><script>alert(1)</script></body></html>',
      text: 'We do not source from the region.',
      fetchedAt: new Date(),
    });
    const response = await get(plain, `/api/evidence/${evidence.id}/capture`);
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe(ARCHIVED_COPY_CSP);
    expect(directives(response).has('sandbox')).toBe(true);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).not.toContain('<script>');
  });

  it('serves badges with their own script-free CSP', async () => {
    const response = await get(plain, '/badge/unknown-brand.svg');
    expect(directives(response).get('default-src')).toBe("'none'");
    expect(directives(response).has('sandbox')).toBe(true);
  });
});
