import { BrowserFetcher } from '../../scrapers/browser/browser-fetcher';
import { extractFetched } from '../../scrapers/fetch/extract-fetched';
import { FixtureServer, html } from '../support/fixture-server';

const STATEMENT = 'Harrowgate Apparel does not source cotton from the Xinjiang Uyghur Autonomous Region.';

/** Issue 16 in the browser: consent dialogs are read past, bot walls are recognised. */
describe('the browser fetcher meeting consent dialogs and bot walls', () => {
  let fixture: FixtureServer;
  let fetcher: BrowserFetcher;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    fetcher = new BrowserFetcher({ allowlist: [fixture.hostPort], viewport: { width: 800, height: 600 } });
  });

  afterAll(async () => {
    await fetcher.close();
    await fixture.close();
  });

  afterEach(() => fixture.reset());

  it('reads the statement under a consent manager dialog a script put over it', async () => {
    fixture.route(
      '/statement',
      html(`<title>Sourcing</title><body><main><h1>Sourcing</h1><p>${STATEMENT}</p></main><script>
        const box = document.createElement('div');
        box.id = 'onetrust-consent-sdk';
        box.innerHTML = '<p>We and our 187 partners store information on your device.</p><button>Accept All Cookies</button>';
        document.body.appendChild(box);
      </script></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/statement'), { screenshot: false });
    expect(result.renderedText).toContain(STATEMENT);
    expect(result.renderedText).not.toContain('187 partners');
    expect(result.blocked).toBeUndefined();
  });

  it('reads past a home-made fixed consent banner with no vendor name', async () => {
    fixture.route(
      '/banner',
      html(`<title>Sourcing</title><body><main><p>${STATEMENT}</p></main>
        <div class="x9" style="position:fixed;bottom:0;left:0;right:0">
          <p>We use cookies and similar technologies to measure traffic and personalise ads.</p>
          <p>You can accept all or manage your preferences.</p><button>Accept</button><button>Preferences</button>
        </div></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/banner'), { screenshot: false });
    const page = extractFetched(result);
    expect(page?.mainText).toContain(STATEMENT);
    expect(result.renderedText).not.toContain('personalise ads');
  });

  it('keeps a fixed element that carries no consent wording', async () => {
    fixture.route(
      '/sticky',
      html(
        `<body><main><p>${STATEMENT}</p></main><div style="position:fixed;top:0">Free returns within 30 days</div></body>`,
      ),
    );
    const result = await fetcher.fetch(fixture.url('/sticky'), { screenshot: false });
    expect(result.renderedText).toContain('Free returns within 30 days');
  });

  it('recognises a 403 challenge page and names its vendor', async () => {
    fixture.route('/walled', {
      status: 403,
      headers: {
        'content-type': 'text/html',
        'x-datadome': 'protected',
        'set-cookie': 'datadome=abc; Path=/',
      },
      body: '<html><head><title>example.com</title></head><body><p>Please enable JS and disable any ad blocker</p></body></html>',
    });
    const result = await fetcher.fetch(fixture.url('/walled'), { screenshot: false });
    expect(result).toMatchObject({ status: 403, blocked: { vendor: 'datadome' } });
  });

  it('returns a 429 rate-limit page as a wall instead of failing', async () => {
    fixture.route('/busy', {
      status: 429,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Too Many Requests</h1>',
    });
    const result = await fetcher.fetch(fixture.url('/busy'), { screenshot: false });
    expect(result).toMatchObject({ status: 429, blocked: { vendor: 'rate_limit' } });
  });
});
