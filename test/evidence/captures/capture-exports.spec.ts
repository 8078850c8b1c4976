import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { Client } from 'pg';
import { WARCParser } from 'warcio';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, signIn, type TestUser } from '../../support/auth';
import { FixtureServer, html } from '../../support/fixture-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { logEvidence, settledCapture } from '../../support/captures';

/** A page whose script rewrites it, so the rendered copy (and the inert one served) differ from the original. */
const POLICY_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Supplier policy</title>
<script>document.addEventListener('DOMContentLoaded', () => {
  document.querySelector('main').insertAdjacentHTML('beforeend', '<p>Added by a script.</p>');
});</script></head>
<body><main><h1>Supplier policy</h1>
<p>We do not source cotton from the Xinjiang Uyghur Autonomous Region (新疆) at any tier.</p>
</main></body></html>`;
const POLICY_BYTES = Buffer.from(POLICY_PAGE, 'utf8');
/** é and € in windows-1252: bytes that UTF-8 would spell differently. */
const LATIN_1_BYTES = Buffer.from(
  '<html><body><p>Coton certifi\xe9, 5 \x80 le m\xe8tre.</p></body></html>',
  'latin1',
);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface DataPackage {
  profile: string;
  wacz_version: string;
  mainPageUrl: string;
  resources: Array<{ name: string; path: string; hash: string; bytes: number }>;
  pledgewatch: { bodySha256: string };
}

describe('verifiable captures: the original bytes and the WACZ export', () => {
  let fixture: FixtureServer;
  let testApp: TestApp;
  let researcher: TestUser;
  let sql: Client;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    fixture
      .route('/policy', html(POLICY_PAGE))
      .route('/compressed', {
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' },
        body: gzipSync(POLICY_BYTES),
      })
      .route('/latin-1', {
        headers: { 'content-type': 'text/html; charset=windows-1252' },
        body: LATIN_1_BYTES,
      })
      .route(
        '/damaged',
        html('<html><body><p>A statement whose archived bytes get damaged.</p></body></html>'),
      )
      .route('/withdrawn', html('<html><body><p>Not here</p></body></html>', { status: 404 }));
    testApp = await startTestApp({ worker: true, env: { FETCH_ALLOWLIST: fixture.hostPort } });
    researcher = await createUser(testApp, Role.Researcher);
    sql = new Client({ connectionString: testApp.database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await testApp?.close();
    await fixture?.close();
  });

  function get(path: string, headers = researcher.headers): Promise<Response> {
    return fetch(`${testApp.baseUrl}${path}`, { headers });
  }

  it('serves the original bytes as an attachment whose SHA-256 is the bodySha256 the API reports', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/policy'));
    const reported = await settledCapture(testApp, evidenceId, researcher.headers);

    const response = await get(`/api/evidence/${evidenceId}/capture/original`);
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-original\.html"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-original-content-type')).toBe('text/html');
    expect(bytes.equals(POLICY_BYTES)).toBe(true);
    expect(sha256(bytes)).toBe(reported.bodySha256);
    expect(response.headers.get('x-capture-sha256')).toBe(reported.bodySha256);
    // The rendered copy and the inert copy served are other bytes: only the original hashes to bodySha256.
    expect(reported.htmlSha256).not.toBe(reported.bodySha256);
    const inert = Buffer.from(await (await get(`/api/evidence/${evidenceId}/capture`)).arrayBuffer());
    expect(inert.toString('utf8')).toContain('Added by a script.');
    expect(sha256(inert)).not.toBe(reported.bodySha256);

    // The researcher's evidence page links the original and the WACZ and shows the hash to check.
    const session = await signIn(testApp, researcher.email, researcher.password);
    const researchPage = await (
      await get(`/research/evidence/${evidenceId}`, { cookie: session.cookie })
    ).text();
    expect(researchPage).toContain(`href="/api/evidence/${evidenceId}/capture/original"`);
    expect(researchPage).toContain(`href="/api/evidence/${evidenceId}/capture.wacz"`);
    expect(researchPage).toContain(`<code class="hash">${reported.bodySha256}</code>`);
    expect(researchPage).toContain('link not checked yet');
  });

  it('keeps the original of a gzip-encoded page as the server meant it, the transfer encoding undone', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/compressed'));
    await settledCapture(testApp, evidenceId, researcher.headers);

    const response = await get(`/api/evidence/${evidenceId}/capture/original`);
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(bytes.equals(POLICY_BYTES)).toBe(true);
    expect(response.headers.get('x-capture-sha256')).toBe(sha256(POLICY_BYTES));
  });

  it('exports a WACZ whose datapackage hashes match its files and whose WARC holds the original fetch', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/policy'));
    const capture = await settledCapture(testApp, evidenceId, researcher.headers);

    const response = await get(`/api/evidence/${evidenceId}/capture.wacz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.wacz"$/);
    const wacz = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(wacz.length);

    const compression = new Map<string, number>();
    const files = unzipSync(wacz, {
      filter: (file) => {
        compression.set(file.name, file.compression);
        return true;
      },
    });
    expect(Object.keys(files).sort()).toEqual([
      'archive/data.warc.gz',
      'datapackage-digest.json',
      'datapackage.json',
      'indexes/index.cdx',
      'pages/pages.jsonl',
    ]);
    expect(compression.get('archive/data.warc.gz')).toBe(0); // STORED, as WACZ asks

    const datapackage = JSON.parse(Buffer.from(files['datapackage.json']).toString('utf8')) as DataPackage;
    expect(datapackage).toMatchObject({
      profile: 'data-package',
      wacz_version: '1.1.1',
      mainPageUrl: fixture.url('/policy'),
    });
    expect(datapackage.resources.map((resource) => resource.path).sort()).toEqual([
      'archive/data.warc.gz',
      'indexes/index.cdx',
      'pages/pages.jsonl',
    ]);
    for (const resource of datapackage.resources) {
      expect(resource.hash).toBe(`sha256:${sha256(files[resource.path])}`);
      expect(resource.bytes).toBe(files[resource.path].length);
    }
    const digest = JSON.parse(Buffer.from(files['datapackage-digest.json']).toString('utf8')) as {
      path: string;
      hash: string;
    };
    expect(digest).toEqual({ path: 'datapackage.json', hash: `sha256:${sha256(files['datapackage.json'])}` });

    const pages = Buffer.from(files['pages/pages.jsonl']).toString('utf8').trim().split('\n');
    expect(JSON.parse(pages[0])).toMatchObject({ format: 'json-pages-1.0' });
    expect(JSON.parse(pages[1])).toMatchObject({ url: fixture.url('/policy'), ts: capture.capturedAt });
    expect(Buffer.from(files['indexes/index.cdx']).toString('utf8')).toContain(
      `"url":"${fixture.url('/policy')}"`,
    );

    const records = new Map<string, { uri: string; payload: Buffer; digest: string | null }>();
    for await (const record of new WARCParser([files['archive/data.warc.gz']])) {
      records.set(record.warcType ?? '', {
        uri: record.warcTargetURI ?? '',
        payload: Buffer.from(await record.readFully()),
        digest: record.warcHeaders.headers.get('WARC-Payload-Digest') ?? null,
      });
    }
    expect([...records.keys()].sort()).toEqual(['request', 'resource', 'response', 'warcinfo']);
    const original = records.get('response');
    expect(original?.uri).toBe(fixture.url('/policy'));
    expect(original?.payload.equals(POLICY_BYTES)).toBe(true);
    expect(original?.digest).toBe(`sha256:${datapackage.pledgewatch.bodySha256}`);
    expect(datapackage.pledgewatch.bodySha256).toBe(sha256(POLICY_BYTES));
    expect(records.get('request')?.uri).toBe(fixture.url('/policy'));
    const screenshot = records.get('resource');
    expect(screenshot?.uri).toBe(`urn:screenshot:${fixture.url('/policy')}`);
    expect(screenshot && sha256(screenshot.payload)).toBe(capture.screenshotSha256);
  });

  it('refuses the WACZ of a failed capture with a 409 that says why', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/withdrawn'));
    expect(await settledCapture(testApp, evidenceId, researcher.headers)).toMatchObject({ state: 'failed' });

    const response = await get(`/api/evidence/${evidenceId}/capture.wacz`);

    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(
      'capture failed: not found (the page answered 404)',
    );
    expect((await get(`/api/evidence/${evidenceId}/capture/original`)).status).toBe(404);

    // The researcher's evidence page says why too, in the same words.
    const session = await signIn(testApp, researcher.email, researcher.password);
    const researchPage = await get(`/research/evidence/${evidenceId}`, { cookie: session.cookie });
    expect(await researchPage.text()).toContain('The capture failed: not found (the page answered 404)');
  });

  it('says a capture taken before originals were kept has none, for the download and the WACZ', async () => {
    // A blocked URL fails at once; the done capture beside it stands for one archived before this change.
    const evidenceId = await logEvidence(testApp, researcher.headers, 'http://127.0.0.1:9/old');
    await settledCapture(testApp, evidenceId, researcher.headers);
    await sql.query(
      `INSERT INTO evidence_captures (evidence_id, state, reason, version, requested_url, final_url, http_status,
         content_type, html_sha256, text_sha256, captured_at)
       VALUES ($1, 'done', 'logged', 1, 'http://127.0.0.1:9/old', 'http://127.0.0.1:9/old', 200, 'text/html',
         repeat('a', 64), repeat('b', 64), now())`,
      [evidenceId],
    );

    for (const path of ['capture/original', 'capture.wacz']) {
      const response = await get(`/api/evidence/${evidenceId}/${path}`);
      expect(response.status).toBe(409);
      expect(((await response.json()) as { message: string }).message).toContain('has no original bytes');
    }
  });

  it('keeps the original of a page in another charset byte for byte, not as Chromium re-encoded it', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/latin-1'));
    const capture = await settledCapture(testApp, evidenceId, researcher.headers);

    const response = await get(`/api/evidence/${evidenceId}/capture/original`);
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(bytes.equals(LATIN_1_BYTES)).toBe(true);
    expect(capture.bodySha256).toBe(sha256(LATIN_1_BYTES));
  });

  it('refuses to package an original whose stored bytes no longer match its hash', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/damaged'));
    const capture = await settledCapture(testApp, evidenceId, researcher.headers);
    await sql.query(`UPDATE blobs SET content = $1, encoding = 'identity' WHERE sha256 = $2`, [
      Buffer.from('<p>Forged.</p>'),
      capture.bodySha256,
    ]);

    const response = await get(`/api/evidence/${evidenceId}/capture.wacz`);

    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toContain('missing or damaged');
  });

  it('hides the original and the WACZ of draft evidence from anonymous readers', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/policy'));
    await settledCapture(testApp, evidenceId, researcher.headers);

    expect((await get(`/api/evidence/${evidenceId}/capture/original`, {})).status).toBe(404);
    expect((await get(`/api/evidence/${evidenceId}/capture.wacz`, {})).status).toBe(404);
  });
});
