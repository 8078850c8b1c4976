import { HttpFetcher } from '../../scrapers/fetch/http-fetcher';
import type { HostResolver } from '../../scrapers/net/egress-guard';
import { FixtureServer, html } from '../support/fixture-server';

/**
 * The fixture server is allow-listed; the canary listens on another loopback port (and, for the rebinding
 * test, on 127.0.0.2 with the fixture's port number) and is not. Whatever the URL says, the canary must
 * never see a connection.
 */
describe('the HTTP fetcher behind the SSRF guard', () => {
  let fixture: FixtureServer;
  let canary: FixtureServer;
  let twin: FixtureServer;
  let fetcher: HttpFetcher;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    canary = await FixtureServer.start({ fallback: html('<p>canary</p>') });
    twin = await FixtureServer.start({
      host: '127.0.0.2',
      port: fixture.port,
      fallback: html('<p>twin</p>'),
    });
    fetcher = new HttpFetcher({ allowlist: [fixture.hostPort] });
  });

  afterAll(async () => {
    await fetcher.close();
    await Promise.all([fixture.close(), canary.close(), twin.close()]);
  });

  afterEach(() => {
    const leaked = { canary: canary.connections, twin: twin.connections };
    [fixture, canary, twin].forEach((server) => server.reset());
    expect(leaked).toEqual({ canary: 0, twin: 0 });
  });

  it('reaches the allow-listed fixture server', async () => {
    fixture.route('/ok', html('<p>hello</p>'));
    const result = await fetcher.fetch(fixture.url('/ok'));
    expect(result.status).toBe(200);
  });

  it('refuses a direct request to a loopback port that is not allow-listed', async () => {
    await expect(fetcher.fetch(canary.url('/'))).rejects.toMatchObject({
      kind: 'blocked',
      reason: expect.stringContaining('127.0.0.1 (loopback)'),
    });
  });

  it('refuses a redirect from the fixture to the canary', async () => {
    fixture.redirect('/away', canary.url('/secret'));
    await expect(fetcher.fetch(fixture.url('/away'))).rejects.toMatchObject({ kind: 'blocked' });
    expect(fixture.hits('/away')).toBe(1);
  });

  it('refuses a redirect to a file: URL', async () => {
    fixture.redirect('/to-file', 'file:///etc/passwd');
    await expect(fetcher.fetch(fixture.url('/to-file'))).rejects.toMatchObject({
      kind: 'blocked',
      reason: expect.stringMatching(/file: scheme/),
    });
  });

  it.each([
    'http://2130706433:PORT/',
    'http://0x7f.1:PORT/',
    'http://0177.0.0.1:PORT/',
    'http://127.1:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://[::1]:PORT/',
    'http://localhost:PORT/',
  ])('refuses the odd spelling %s of the canary', async (template) => {
    const url = template.replace('PORT', String(canary.port));
    await expect(fetcher.fetch(url)).rejects.toMatchObject({ kind: 'blocked' });
  });

  it.each(['file:///etc/passwd', 'data:text/plain,hi', 'chrome://version', 'javascript:alert(1)'])(
    'refuses %s with a reason naming the scheme',
    async (url) => {
      await expect(fetcher.fetch(url)).rejects.toMatchObject({
        kind: 'blocked',
        reason: expect.stringMatching(/scheme is not fetched; only http: and https: are/),
      });
    },
  );

  it('refuses an allow-listed address on another port', async () => {
    await expect(fetcher.fetch(`http://127.0.0.1:${canary.port}/`)).rejects.toMatchObject({
      kind: 'blocked',
    });
  });

  it('vets the address a name resolves to, not the name', async () => {
    const resolver: HostResolver = () => Promise.resolve([{ address: '127.0.0.2', family: 4 }]);
    const resolving = new HttpFetcher({ allowlist: [fixture.hostPort], resolver });
    try {
      await expect(resolving.fetch(`http://innocent.test:${fixture.port}/`)).rejects.toMatchObject({
        kind: 'blocked',
        reason: expect.stringContaining('resolved from innocent.test'),
      });
    } finally {
      await resolving.close();
    }
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolver: HostResolver = () =>
      Promise.resolve([
        { address: '127.0.0.1', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ]);
    const resolving = new HttpFetcher({ allowlist: [fixture.hostPort], resolver });
    try {
      await expect(resolving.fetch(`http://mixed.test:${fixture.port}/`)).rejects.toMatchObject({
        kind: 'blocked',
      });
    } finally {
      await resolving.close();
    }
  });

  it('connects to the address it vetted even when DNS changes its answer (rebinding)', async () => {
    // First answer: the allow-listed fixture. Every later answer: 127.0.0.2, the twin on the same port.
    let lookups = 0;
    const resolver: HostResolver = () => {
      lookups += 1;
      return Promise.resolve([{ address: lookups === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }]);
    };
    const resolving = new HttpFetcher({ allowlist: [fixture.hostPort], resolver });
    fixture.route('/page', html('<p>fixture</p>'));
    fixture.route('/again', html('<p>fixture again</p>', { headers: { connection: 'close' } }));
    try {
      const first = await resolving.fetch(`http://rebind.test:${fixture.port}/again`);
      expect(first.html).toContain('fixture again');
      await expect(resolving.fetch(`http://rebind.test:${fixture.port}/page`)).rejects.toMatchObject({
        kind: 'blocked',
      });
      expect(lookups).toBe(2);
    } finally {
      await resolving.close();
    }
  });

  it('reports a name that does not exist as gone', async () => {
    const resolver: HostResolver = () =>
      Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    const resolving = new HttpFetcher({ resolver });
    try {
      await expect(resolving.fetch('http://no-such-brand.test/')).rejects.toMatchObject({ kind: 'gone' });
    } finally {
      await resolving.close();
    }
  });
});
