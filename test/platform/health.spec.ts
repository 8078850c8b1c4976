import type Redis from 'ioredis';
import { heartbeatKey } from '../../src/platform/health/worker-heartbeat';
import { REDIS_CLIENT } from '../../src/platform/redis/redis.module';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('the API with its worker running', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('reports database, Redis and worker up on /health', async () => {
    const body = await waitFor(
      async () => {
        const response = await fetch(`${testApp.baseUrl}/health`);
        return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
      },
      { description: '/health to answer 200' },
    );
    expect(body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, worker: { status: 'up' } },
    });
  });

  it('serves a valid OpenAPI 3 document and the Swagger UI', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; info: { title: string }; paths: object };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Pledgewatch API');
    expect(Object.keys(document.paths)).toContain('/health');

    const ui = await fetch(`${testApp.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('answers an unknown route with the JSON error shape', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringContaining('/api/no-such-thing'),
    });
  });

  it('answers a browser asking for an unknown page with an HTML page, not JSON', async () => {
    const response = await fetch(`${testApp.baseUrl}/no-such-page`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Page not found');
  });

  it('serves the stylesheet', async () => {
    const response = await fetch(`${testApp.baseUrl}/assets/app.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(await response.text()).toContain(':focus-visible');
  });

  it('answers malformed JSON with a 400 in the error shape, not a stack trace', async () => {
    const response = await fetch(`${testApp.baseUrl}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${testApp.baseUrl}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('sets security headers', async () => {
    const response = await fetch(`${testApp.baseUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the API when Redis cannot be reached', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: from the app's point of view Redis is down.
    testApp = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers /health with 503 naming Redis, and keeps serving', async () => {
    const response = await fetch(`${testApp.baseUrl}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      statusCode: number;
      message: string;
      details: { error: object };
    };
    expect(body.statusCode).toBe(503);
    expect(body.message).toContain('redis');
    expect(body.details.error).toHaveProperty('redis.status', 'down');
    expect(body.details).toHaveProperty('info.database.status', 'up');

    const again = await fetch(`${testApp.baseUrl}/api/docs-json`);
    expect(again.status).toBe(200);
  });
});

// Issue 15: for a few seconds after a Redis wipe, /health said "no worker has ever reported".
describe('/health after Redis lost the heartbeats', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('says what it knows: the workers beat a moment ago, Redis lost the record', async () => {
    const redis = testApp.app.get<Redis>(REDIS_CLIENT);
    const key = heartbeatKey(testApp.config.queuePrefix);
    await redis.hset(key, 'worker-1', String(Date.now()));
    expect((await fetch(`${testApp.baseUrl}/health`)).status).toBe(200);

    await redis.del(key);
    const response = await fetch(`${testApp.baseUrl}/health`);
    const body = (await response.json()) as { info?: { worker?: { status: string; note?: string } } };
    expect(response.status).toBe(200);
    expect(body.info?.worker).toMatchObject({
      status: 'up',
      note: expect.stringMatching(
        /^Redis holds no worker heartbeat .* the newest this API saw was \d+ s ago$/,
      ),
    });
    expect(JSON.stringify(body)).not.toContain('ever reported');
  });
});
