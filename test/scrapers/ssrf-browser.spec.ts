import { request } from 'node:http';
import { BrowserFetcher } from '../../scrapers/browser/browser-fetcher';
import { FixtureServer, html, waitFor } from '../support/fixture-server';

/**
 * A page on the allow-listed fixture server tries every way it can to reach the canary (another loopback port,
 * not allow-listed). Each attempt must be seen and refused by the egress proxy, and the canary must never
 * accept a single connection.
 */
describe('the browser fetcher behind the egress proxy', () => {
  let fixture: FixtureServer;
  let canary: FixtureServer;
  let fetcher: BrowserFetcher;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    canary = await FixtureServer.start({ fallback: html('<p>canary</p>') });
    fetcher = new BrowserFetcher({ allowlist: [fixture.hostPort], waitUntil: 'networkidle0' });
  });

  afterAll(async () => {
    await fetcher.close();
    await Promise.all([fixture.close(), canary.close()]);
  });

  afterEach(() => {
    const leaked = canary.connections;
    fixture.reset();
    canary.reset();
    expect(leaked).toBe(0);
  });

  const canaryTarget = (): string => `127.0.0.1:${canary.port}`;
  const refusalsOf = (target: string, since: number): number =>
    fetcher.egressFailures.filter(
      (f) => f.target === target && f.kind === 'blocked' && f.at.getTime() >= since,
    ).length;

  /** Serves `body` at /attack, fetches it, and waits until the proxy has refused the canary. */
  async function attack(body: string): Promise<unknown> {
    fixture.route('/attack', html(body));
    const since = Date.now();
    const outcome: unknown = await fetcher.fetch(fixture.url('/attack')).catch((error: unknown) => error);
    await waitFor(() => refusalsOf(canaryTarget(), since) > 0, 5_000, 'the proxy to refuse the canary');
    return outcome;
  }

  it('refuses a direct fetch of the canary before Chromium is involved', async () => {
    await expect(fetcher.fetch(canary.url('/'))).rejects.toMatchObject({ kind: 'blocked' });
  });

  it('refuses a server redirect to the canary', async () => {
    fixture.redirect('/away', canary.url('/secret'));
    await expect(fetcher.fetch(fixture.url('/away'))).rejects.toMatchObject({
      kind: 'blocked',
      reason: expect.stringContaining('not in FETCH_ALLOWLIST'),
    });
  });

  // Issue 15: Chromium refuses these itself (ERR_UNSAFE_REDIRECT), which read as "try again" five times.
  it('classes a server redirect to a file: URL as blocked, not transient', async () => {
    fixture.redirect('/to-file', 'file:///etc/passwd');
    await expect(fetcher.fetch(fixture.url('/to-file'))).rejects.toMatchObject({ kind: 'blocked' });
  });

  it('refuses an image on the canary (and would have blocked the image anyway)', async () => {
    fixture.route('/attack', html(`<img src="${canary.url('/pixel.png')}"><p>text</p>`));
    await fetcher.fetch(fixture.url('/attack'));
  });

  it('refuses a fetch() call to the canary', async () => {
    await attack(`<p>text</p><script>fetch('${canary.url('/api')}').catch(() => {});</script>`);
  });

  it('refuses an XMLHttpRequest and a fetch over https to the canary', async () => {
    const since = Date.now();
    fixture.route(
      '/attack',
      html(`<script>
        const x = new XMLHttpRequest(); x.open('GET', '${canary.url('/xhr')}'); x.send();
        fetch('https://127.0.0.1:${canary.port}/tls').catch(() => {});
      </script>`),
    );
    await fetcher.fetch(fixture.url('/attack'));
    await waitFor(() => refusalsOf(canaryTarget(), since) >= 2, 5_000, 'both refusals');
  });

  it('refuses an iframe on the canary', async () => {
    await attack(`<p>text</p><iframe src="${canary.url('/frame')}"></iframe>`);
  });

  it('refuses a meta refresh to the canary', async () => {
    const outcome = await attack(
      `<meta http-equiv="refresh" content="0;url=${canary.url('/refresh')}"><p>text</p>`,
    );
    expect(outcome).toMatchObject({ kind: 'blocked' });
  });

  it('refuses a script changing location to the canary', async () => {
    const outcome = await attack(`<p>text</p><script>location.href = '${canary.url('/moved')}';</script>`);
    expect(outcome).toMatchObject({ kind: 'blocked' });
  });

  it('does not let a page use the proxy port as a way in', async () => {
    const since = Date.now();
    const proxyTarget = `127.0.0.1:${fetcher.proxyPort}`;
    fixture.route('/attack', html(`<script>fetch('http://${proxyTarget}/').catch(() => {});</script>`));
    await fetcher.fetch(fixture.url('/attack'));
    await waitFor(() => refusalsOf(proxyTarget, since) > 0, 5_000, 'the proxy to refuse its own address');
  });

  it('answers a non-proxy request to the proxy with a refusal', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port: fetcher.proxyPort, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(400);
  });

  it.each(['file:///etc/passwd', 'data:text/html,<p>x</p>', 'chrome://version', 'javascript:alert(1)'])(
    'refuses to open %s',
    async (url) => {
      await expect(fetcher.fetch(url)).rejects.toMatchObject({
        kind: 'blocked',
        reason: expect.stringMatching(/scheme is not fetched/),
      });
    },
  );

  it('refuses a page navigating itself to a file: URL', async () => {
    fixture.route('/attack', html(`<p>still here</p><script>location.href = 'file:///etc/passwd';</script>`));
    const result = await fetcher.fetch(fixture.url('/attack'));
    expect(result.finalUrl).toBe(fixture.url('/attack'));
    expect(result.renderedText).toContain('still here');
  });
});
