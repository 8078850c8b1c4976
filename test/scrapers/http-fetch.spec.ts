import { gzipSync } from 'node:zlib';
import { HttpFetcher } from '../../scrapers/fetch/http-fetcher';
import { minimalPdf } from '../fixtures/fetch/minimal-pdf';
import { FixtureServer, html } from '../support/fixture-server';

describe('the HTTP fetcher', () => {
  let fixture: FixtureServer;
  let fetcher: HttpFetcher;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    fetcher = new HttpFetcher({ allowlist: [fixture.hostPort], maxBytes: 64 * 1024, headersTimeoutMs: 300 });
  });

  afterAll(async () => {
    await fetcher.close();
    await fixture.close();
  });

  afterEach(() => fixture.reset());

  describe('conditional GET', () => {
    beforeEach(() => {
      fixture.route('/policy', (req, res) => {
        if (
          req.headers['if-none-match'] === '"v1"' ||
          req.headers['if-modified-since'] === 'Wed, 01 Jan 2025 00:00:00 GMT'
        ) {
          res.writeHead(304, { etag: '"v1"' });
          return res.end();
        }
        res.writeHead(200, {
          'content-type': 'text/html',
          etag: '"v1"',
          'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
        });
        res.end('<p>policy</p>');
      });
    });

    it('remembers the validators of a first fetch', async () => {
      const result = await fetcher.fetch(fixture.url('/policy'));
      expect(result).toMatchObject({
        status: 200,
        notModified: false,
        etag: '"v1"',
        lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
      });
    });

    it('reports a 304 to If-None-Match as not modified', async () => {
      const result = await fetcher.fetch(fixture.url('/policy'), { etag: '"v1"' });
      expect(result).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
      expect(result.body).toHaveLength(0);
      expect(fixture.requests[0].headers['if-none-match']).toBe('"v1"');
    });

    it('sends If-Modified-Since and keeps the validator it was given', async () => {
      const result = await fetcher.fetch(fixture.url('/policy'), {
        lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
      });
      expect(result).toMatchObject({ notModified: true, lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT' });
    });

    it('fetches in full when the validator no longer matches', async () => {
      const result = await fetcher.fetch(fixture.url('/policy'), { etag: '"v0"' });
      expect(result).toMatchObject({ status: 200, notModified: false, html: '<p>policy</p>' });
    });
  });

  describe('redirects', () => {
    it('follows a chain by hand and records every hop', async () => {
      fixture
        .redirect('/a', '/b', 301)
        .redirect('/b', fixture.url('/c'), 307)
        .route('/c', html('<p>end</p>'));
      const result = await fetcher.fetch(fixture.url('/a'));
      expect(result.finalUrl).toBe(fixture.url('/c'));
      expect(result.redirects).toEqual([fixture.url('/a'), fixture.url('/b')]);
      expect(result.html).toBe('<p>end</p>');
    });

    it('follows ten redirects', async () => {
      for (let i = 0; i < 10; i += 1) fixture.redirect(`/hop${i}`, `/hop${i + 1}`);
      fixture.route('/hop10', html('<p>made it</p>'));
      const result = await fetcher.fetch(fixture.url('/hop0'));
      expect(result.redirects).toHaveLength(10);
    });

    it('gives up on the eleventh', async () => {
      for (let i = 0; i < 11; i += 1) fixture.redirect(`/hop${i}`, `/hop${i + 1}`);
      fixture.route('/hop11', html('<p>too far</p>'));
      await expect(fetcher.fetch(fixture.url('/hop0'))).rejects.toMatchObject({ kind: 'too_many_redirects' });
      expect(fixture.hits('/hop11')).toBe(0);
    });

    it('calls a loop a loop', async () => {
      fixture.redirect('/ping', '/pong').redirect('/pong', '/ping');
      await expect(fetcher.fetch(fixture.url('/ping'))).rejects.toMatchObject({
        kind: 'too_many_redirects',
        reason: expect.stringContaining('loop'),
      });
    });
  });

  describe('statuses', () => {
    it.each([404, 410, 403])('returns a %i as a result for the monitor to judge', async (status) => {
      fixture.route('/missing', html('<p>gone</p>', { status }));
      await expect(fetcher.fetch(fixture.url('/missing'))).resolves.toMatchObject({ status });
    });

    it.each([500, 503])('treats a %i as transient', async (status) => {
      fixture.route('/busy', { status });
      await expect(fetcher.fetch(fixture.url('/busy'))).rejects.toMatchObject({ kind: 'transient', status });
    });

    it('answers a 429 as a rate-limit wall, not a failure (issue 16)', async () => {
      fixture.route('/busy', { status: 429, body: 'Too Many Requests' });
      const result = await fetcher.fetch(fixture.url('/busy'));
      expect(result).toMatchObject({ status: 429, blocked: { vendor: 'rate_limit' } });
    });

    it('answers a 503 challenge page from a protection vendor as a wall', async () => {
      fixture.route('/busy', {
        status: 503,
        headers: { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d6e7f-LHR' },
        body: '<html><head><title>Just a moment...</title></head><body><p>Verifying you are human.</p></body></html>',
      });
      const result = await fetcher.fetch(fixture.url('/busy'));
      expect(result).toMatchObject({ status: 503, blocked: { vendor: 'cloudflare' } });
    });
  });

  describe('limits', () => {
    it('refuses a body past the size cap declared up front', async () => {
      fixture.route('/big', { headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(65 * 1024) });
      await expect(fetcher.fetch(fixture.url('/big'))).rejects.toMatchObject({ kind: 'too_large' });
    });

    it('aborts a streamed body once it passes the cap', async () => {
      fixture.route('/stream', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 100; i += 1) res.write('y'.repeat(1024));
        res.end();
      });
      await expect(fetcher.fetch(fixture.url('/stream'))).rejects.toMatchObject({ kind: 'too_large' });
    });

    it('caps the decompressed size, not the compressed one', async () => {
      const bomb = gzipSync(Buffer.alloc(1024 * 1024, 0x61));
      fixture.route('/bomb', {
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        body: bomb,
      });
      await expect(fetcher.fetch(fixture.url('/bomb'))).rejects.toMatchObject({ kind: 'too_large' });
    });

    it('decodes a gzip body under the cap', async () => {
      fixture.route('/gz', {
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        body: gzipSync('compressed words'),
      });
      await expect(fetcher.fetch(fixture.url('/gz'))).resolves.toMatchObject({ text: 'compressed words' });
    });

    it('gives up on a server that does not answer in time, as a transient failure', async () => {
      fixture.route('/slow', { ...html('<p>late</p>'), delayMs: 5_000 });
      await expect(fetcher.fetch(fixture.url('/slow'))).rejects.toMatchObject({
        kind: 'transient',
        reason: expect.stringContaining('headers took too long'),
      });
    });

    it('reports a refused connection as transient', async () => {
      const closed = await FixtureServer.start();
      const port = closed.port;
      await closed.close();
      const local = new HttpFetcher({ allowlist: [`127.0.0.1:${port}`] });
      try {
        await expect(local.fetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ kind: 'transient' });
      } finally {
        await local.close();
      }
    });
  });

  describe('content types', () => {
    it('returns HTML as html', async () => {
      fixture.route('/page', html('<h1>Policy</h1>'));
      await expect(fetcher.fetch(fixture.url('/page'))).resolves.toMatchObject({
        kind: 'html',
        contentType: 'text/html',
        html: '<h1>Policy</h1>',
      });
    });

    it('returns plain text as text', async () => {
      fixture.route('/notes.txt', {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'We audit suppliers.',
      });
      await expect(fetcher.fetch(fixture.url('/notes.txt'))).resolves.toMatchObject({
        kind: 'text',
        text: 'We audit suppliers.',
      });
    });

    it('extracts the text of a PDF', async () => {
      const pdf = minimalPdf(['We do not source cotton from Xinjiang.', 'Supplier list updated 2024.']);
      fixture.route('/policy.pdf', { headers: { 'content-type': 'application/pdf' }, body: pdf });
      const result = await fetcher.fetch(fixture.url('/policy.pdf'));
      expect(result.kind).toBe('pdf');
      expect(result.text).toContain('We do not source cotton from Xinjiang.');
      expect(result.text).toContain('Supplier list updated 2024.');
      expect(result.body.equals(pdf)).toBe(true);
    });

    it('recognises a PDF served as application/octet-stream', async () => {
      fixture.route('/download', {
        headers: { 'content-type': 'application/octet-stream' },
        body: minimalPdf(['Sniffed.']),
      });
      await expect(fetcher.fetch(fixture.url('/download'))).resolves.toMatchObject({
        kind: 'pdf',
        text: 'Sniffed.',
      });
    });

    it('refuses an image with a reason naming its type', async () => {
      fixture.route('/logo.png', {
        headers: { 'content-type': 'image/png' },
        body: Buffer.from([0x89, 0x50]),
      });
      await expect(fetcher.fetch(fixture.url('/logo.png'))).rejects.toMatchObject({
        kind: 'unsupported_content',
        reason: expect.stringContaining('image/png'),
      });
    });
  });

  describe('charsets', () => {
    it('decodes using the charset in the Content-Type header', async () => {
      fixture.route('/latin', {
        headers: { 'content-type': 'text/html; charset=ISO-8859-1' },
        body: Buffer.from('<p>Café Zürich</p>', 'latin1'),
      });
      await expect(fetcher.fetch(fixture.url('/latin'))).resolves.toMatchObject({
        html: '<p>Café Zürich</p>',
        charset: 'windows-1252',
      });
    });

    it('falls back to the meta charset of the page', async () => {
      const shiftJis = Buffer.concat([
        Buffer.from('<meta charset="shift_jis"><p>'),
        Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
        Buffer.from('</p>'),
      ]);
      fixture.route('/ja', { headers: { 'content-type': 'text/html' }, body: shiftJis });
      const result = await fetcher.fetch(fixture.url('/ja'));
      expect(result.html).toContain('<p>日本</p>');
      expect(result.charset).toBe('shift_jis');
    });

    it('assumes UTF-8 when nothing says otherwise', async () => {
      fixture.route('/utf8', { headers: { 'content-type': 'text/html' }, body: Buffer.from('<p>新疆</p>') });
      await expect(fetcher.fetch(fixture.url('/utf8'))).resolves.toMatchObject({
        html: '<p>新疆</p>',
        charset: 'utf-8',
      });
    });
  });
});
