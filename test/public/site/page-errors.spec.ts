import { CatalogueFactory } from '../../support/factories';
import { startTestApp, TestApp } from '../../support/test-app';

/** What Chromium sends when a person opens a link. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('errors of the public pages, as a browser sees them', () => {
  let testApp: TestApp;
  let slug: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    slug = (await new CatalogueFactory(testApp).verifiedBrand()).slug;
  });
  afterAll(() => testApp.close());

  // Issue 15: a bad asOf answered the API's raw JSON to a person following a link (from a client that sent
  // */* or no Accept at all, as mail clients, chat previews and curl do).
  it.each([
    ['2021-02-30', BROWSER_ACCEPT],
    ['yesterday', '*/*'],
    ['2999-01-01', undefined],
  ])(
    'answers a bad asOf (%s) on a brand page with an HTML page that names the problem (Accept: %s)',
    async (asOf, accept) => {
      const response = await fetch(`${testApp.baseUrl}/brands/${slug}?asOf=${asOf}`, {
        headers: accept === undefined ? {} : { accept },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const body = await response.text();
      expect(body).toMatch(/^<!DOCTYPE html>/i);
      expect(body).toContain('asOf must be a past or present day');
    },
  );

  it('answers a client that asks for JSON with the JSON error', async () => {
    const response = await fetch(`${testApp.baseUrl}/brands/${slug}?asOf=never`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, details: [{ field: 'asOf' }] });
  });
});
