import { pngSize } from '../../scrapers/browser/capped-screenshot';
import { BrowserFetcher } from '../../scrapers/browser/browser-fetcher';
import { FetchError } from '../../scrapers/fetch/fetch-error';
import { FixtureServer, html, waitFor } from '../support/fixture-server';

/** One browser for the whole file (the fetcher owns it); the crash test makes it launch a second. */
describe('the browser fetcher', () => {
  let fixture: FixtureServer;
  let fetcher: BrowserFetcher;
  const hanging: Array<{ end: () => void }> = [];

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    fetcher = new BrowserFetcher({
      allowlist: [fixture.hostPort],
      screenshotMaxHeight: 3000,
      viewport: { width: 800, height: 600 },
    });
  });

  afterAll(async () => {
    hanging.forEach((res) => res.end());
    await fetcher.close();
    await fixture.close();
  });

  afterEach(() => fixture.reset());

  it('returns the text a script rendered, including data it loaded after the page', async () => {
    fixture.route('/data.json', {
      headers: { 'content-type': 'application/json' },
      body: '{"pledge":"We have signed the Call to Action."}',
    });
    fixture.route(
      '/app',
      html(`<title>Our sourcing</title><body><div id="root">Loading…</div><script>
        fetch('/data.json').then((r) => r.json()).then((d) => { document.getElementById('root').textContent = d.pledge; });
      </script></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/app'));
    expect(result).toMatchObject({
      status: 200,
      via: 'browser',
      title: 'Our sourcing',
      finalUrl: fixture.url('/app'),
    });
    expect(result.renderedText).toContain('We have signed the Call to Action.');
    expect(result.html).toContain('We have signed the Call to Action.');
  });

  it('leaves hidden elements out of the rendered text', async () => {
    fixture.route(
      '/hidden',
      html(`<body><p>Visible policy.</p><p style="display:none">Hidden retraction.</p><div hidden>Also hidden.</div>
        <p style="visibility:hidden">Invisible.</p></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/hidden'));
    expect(result.renderedText).toContain('Visible policy.');
    expect(result.renderedText).not.toMatch(/Hidden retraction|Also hidden|Invisible/);
    expect(result.html).toContain('Hidden retraction.');
  });

  it('never downloads images, fonts or media', async () => {
    fixture.route(
      '/heavy',
      html(`<style>@font-face { font-family: F; src: url(/font.woff2); } body { font-family: F; }</style>
        <body><p>Text</p><img src="/logo.png"><video src="/clip.mp4" autoplay muted></video>
        <div style="background-image:url(/bg.jpg);width:10px;height:10px"></div></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/heavy'));
    expect(result.renderedText).toContain('Text');
    expect(fixture.hits('/heavy')).toBe(1);
    expect(['/logo.png', '/font.woff2', '/clip.mp4', '/bg.jpg'].map((path) => fixture.hits(path))).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('takes a PNG screenshot whose height is capped', async () => {
    fixture.route(
      '/tall',
      html(
        '<body style="margin:0"><div style="height:20000px;background:linear-gradient(red,blue)">Top</div></body>',
      ),
    );
    const result = await fetcher.fetch(fixture.url('/tall'));
    expect(result.screenshot).toBeDefined();
    expect(pngSize(result.screenshot!)).toMatchObject({ height: 3000 });
  });

  it('screenshots a short page at its own height', async () => {
    fixture.route('/short', html('<body style="margin:0"><div style="height:1200px">Short</div></body>'));
    const result = await fetcher.fetch(fixture.url('/short'));
    expect(pngSize(result.screenshot!)).toMatchObject({ height: 1200 });
  });

  it('reports the redirect chain and the final URL', async () => {
    fixture.redirect('/old-policy', '/new-policy', 301).route('/new-policy', html('<p>New</p>'));
    const result = await fetcher.fetch(fixture.url('/old-policy'));
    expect(result.finalUrl).toBe(fixture.url('/new-policy'));
    expect(result.redirects).toEqual([fixture.url('/old-policy')]);
  });

  it('gives up after ten redirects, like the HTTP fetcher', async () => {
    for (let i = 0; i < 11; i += 1) fixture.redirect(`/hop${i}`, `/hop${i + 1}`);
    fixture.route('/hop11', html('<p>too far</p>'));
    await expect(fetcher.fetch(fixture.url('/hop0'))).rejects.toMatchObject({ kind: 'too_many_redirects' });
  });

  it('dismisses dialogs a page opens instead of waiting on them', async () => {
    fixture.route(
      '/nagging',
      html(`<body><p id="t">Before.</p><script>alert('hello'); confirm('sure?');
        document.getElementById('t').textContent = 'After the dialogs.';</script></body>`),
    );
    const result = await fetcher.fetch(fixture.url('/nagging'), { screenshot: false });
    expect(result.renderedText).toContain('After the dialogs.');
  });

  it('starts each fetch without the cookies or storage an earlier page left behind', async () => {
    fixture.route(
      '/brand-a',
      html(
        `<body><p>Brand A</p><script>document.cookie = 'script=a; max-age=3600';
          localStorage.setItem('brand', 'a');</script></body>`,
        { headers: { 'set-cookie': 'server=a; Max-Age=3600; Path=/' } },
      ),
    );
    fixture.route(
      '/brand-b',
      html(`<body><p id="seen">nothing ran</p><script>document.getElementById('seen').textContent =
        'stored: ' + (localStorage.getItem('brand') || 'nothing') + ', cookies: ' + (document.cookie || 'none');
        </script></body>`),
    );
    const first = await fetcher.fetch(fixture.url('/brand-a'), { screenshot: false });
    expect(first.renderedText).toContain('Brand A');
    const second = await fetcher.fetch(fixture.url('/brand-b'), { screenshot: false });
    expect(fixture.requests.find((r) => r.path === '/brand-b')?.headers.cookie).toBeUndefined();
    expect(second.renderedText).toContain('stored: nothing, cookies: none');
  });

  it('renders and screenshots pages fetched at the same time, each to its end, as a visible page would', async () => {
    // Drawn in an animation frame, and only once the page is visible: what a tab hidden behind another
    // would never show.
    for (let i = 0; i < 6; i += 1) {
      fixture.route(
        `/together-${i}`,
        html(`<body><div id="root"></div><script>
          function draw() {
            requestAnimationFrame(() => {
              document.getElementById('root').textContent = 'Rendered together ${i}';
            });
          }
          if (document.visibilityState === 'visible') draw();
          else document.addEventListener('visibilitychange', draw, { once: true });
          </script></body>`),
      );
    }
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetcher.fetch(fixture.url(`/together-${i}`))),
    );
    results.forEach((result, i) => {
      expect(result.renderedText).toContain(`Rendered together ${i}`);
      expect(pngSize(result.screenshot!)).toBeDefined();
    });
  });

  it('fetches a page again rather than from the cache of an earlier fetch', async () => {
    fixture.route('/cached', html('<p>Cacheable</p>', { headers: { 'cache-control': 'max-age=3600' } }));
    await fetcher.fetch(fixture.url('/cached'), { screenshot: false });
    await fetcher.fetch(fixture.url('/cached'), { screenshot: false });
    expect(fixture.hits('/cached')).toBe(2);
  });

  it('returns a 404 as a result', async () => {
    fixture.route('/gone', html('<p>Not here</p>', { status: 404 }));
    await expect(fetcher.fetch(fixture.url('/gone'))).resolves.toMatchObject({ status: 404 });
  });

  it('fails a fetch transiently when Chromium is killed mid-fetch, and the next fetch gets a new browser', async () => {
    fixture.route('/warm', html('<p>warm</p>'));
    await fetcher.fetch(fixture.url('/warm'));
    const firstPid = fetcher.browserPid();
    expect(firstPid).toBeDefined();
    fixture.route('/hang', (_req, res) => {
      hanging.push(res);
    });
    const inFlight = fetcher.fetch(fixture.url('/hang'));
    await waitFor(() => fixture.hits('/hang') === 1, 20_000, 'the browser to request /hang');
    process.kill(firstPid!, 'SIGKILL');
    const failure: unknown = await inFlight.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FetchError);
    expect(failure).toMatchObject({ kind: 'transient', retryable: true });
    fixture.route('/after', html('<p>back again</p>'));
    const next = await fetcher.fetch(fixture.url('/after'));
    expect(next.renderedText).toContain('back again');
    expect(fetcher.browserPid()).not.toBe(firstPid);
  });
});

describe('the browser fetcher recycling', () => {
  it('launches a new browser after the configured number of pages', async () => {
    const fixture = await FixtureServer.start();
    const fetcher = new BrowserFetcher({
      allowlist: [fixture.hostPort],
      maxPagesPerBrowser: 2,
      waitUntil: 'load',
    });
    try {
      fixture.route('/p', html('<p>page</p>'));
      const pids: Array<number | undefined> = [];
      for (let i = 0; i < 3; i += 1) {
        await fetcher.fetch(fixture.url('/p'), { screenshot: false });
        pids.push(fetcher.browserPid());
      }
      expect(pids[0]).toBe(pids[1]);
      expect(pids[2]).not.toBe(pids[1]);
    } finally {
      await fetcher.close();
      await fixture.close();
    }
  });
});
