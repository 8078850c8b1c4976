import { createHash } from 'node:crypto';
import { Role } from '../../../src/identity/auth/role.enum';
import { createUser, type TestUser } from '../../support/auth';
import { FixtureServer, html } from '../../support/fixture-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { listCaptures, logEvidence, settledCapture, verifyEvidence } from '../../support/captures';

const POLICY_PAGE = `<!DOCTYPE html><html><head><title>Supplier policy</title>
<script>document.title = 'ran'; fetch('/beacon');</script></head>
<body onload="document.body.dataset.loaded = 1"><main><h1>Supplier policy</h1>
<p>We do not source cotton from the Xinjiang Uyghur Autonomous Region at any tier of our supply chain.</p>
<p>All suppliers must sign our code of conduct and accept unannounced audits.</p>
<a href="javascript:alert(2)">More</a></main></body></html>`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence captures', () => {
  let fixture: FixtureServer;
  let testApp: TestApp;
  let researcher: TestUser;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    fixture.redirect('/policy', '/policy-2024').route('/policy-2024', html(POLICY_PAGE));
    testApp = await startTestApp({ worker: true, env: { FETCH_ALLOWLIST: fixture.hostPort } });
    researcher = await createUser(testApp, Role.Researcher);
  });

  afterAll(async () => {
    await testApp?.close();
    await fixture?.close();
  });

  it('archives a logged URL with its final URL, status, HTML, text, screenshot and their SHA-256s', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/policy'));

    const capture = await settledCapture(testApp, evidenceId, researcher.headers);

    expect(capture).toMatchObject({
      state: 'done',
      reason: 'logged',
      version: 1,
      finalUrl: fixture.url('/policy-2024'),
      httpStatus: 200,
    });
    expect(capture.htmlSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(capture.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(capture.screenshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(capture.capturedAt ?? '')).not.toBeNaN();

    const text = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/capture/text`, {
      headers: researcher.headers,
    });
    const textBytes = Buffer.from(await text.arrayBuffer());
    expect(textBytes.toString('utf8')).toContain('We do not source cotton from the Xinjiang');
    expect(sha256(textBytes)).toBe(capture.textSha256);

    const screenshot = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/capture/screenshot`, {
      headers: researcher.headers,
    });
    const png = Buffer.from(await screenshot.arrayBuffer());
    expect(screenshot.headers.get('content-type')).toBe('image/png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(sha256(png)).toBe(capture.screenshotSha256);
  });

  it('serves the archived copy inert: CSP sandbox, nosniff, no script, with its hash and provenance', async () => {
    const evidenceId = await logEvidence(testApp, researcher.headers, fixture.url('/policy-2024'));
    const capture = await settledCapture(testApp, evidenceId, researcher.headers);

    const response = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/capture`, {
      headers: researcher.headers,
    });
    const body = await response.text();

    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp.split(';').map((directive) => directive.trim())).toEqual(
      expect.arrayContaining(['sandbox', "default-src 'none'", 'img-src data:', "style-src 'unsafe-inline'"]),
    );
    expect(csp).not.toContain('allow-scripts');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^inline/);
    expect(response.headers.get('x-capture-sha256')).toBe(capture.htmlSha256);
    expect(response.headers.get('x-capture-final-url')).toBe(fixture.url('/policy-2024'));
    expect(response.headers.get('x-capture-status')).toBe('200');
    expect(response.headers.get('x-capture-time')).toBe(capture.capturedAt);
    expect(body).toContain('We do not source cotton');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/onload=|javascript:/i);
  });

  it('shows captures of verified evidence to anonymous readers, and hides those of drafts', async () => {
    const draftId = await logEvidence(testApp, researcher.headers, fixture.url('/policy-2024'));
    await settledCapture(testApp, draftId, researcher.headers);

    const hidden = await fetch(`${testApp.baseUrl}/api/evidence/${draftId}/capture`);
    expect(hidden.status).toBe(404);
    expect((await fetch(`${testApp.baseUrl}/api/evidence/${draftId}/captures`)).status).toBe(404);

    await verifyEvidence(testApp, draftId);
    const shown = await fetch(`${testApp.baseUrl}/api/evidence/${draftId}/capture`);
    expect(shown.status).toBe(200);
    expect((await listCaptures(testApp, draftId)).items[0].state).toBe('done');
  });

  it('records a blocked URL on the capture instead of retrying it', async () => {
    // Port 9 of 127.0.0.1 is not in FETCH_ALLOWLIST: the SSRF guard refuses it, a permanent failure.
    const evidenceId = await logEvidence(testApp, researcher.headers, 'http://127.0.0.1:9/internal');

    const capture = await settledCapture(testApp, evidenceId, researcher.headers);

    expect(capture).toMatchObject({ state: 'failed', errorKind: 'blocked', version: null });
    const served = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/capture`, {
      headers: researcher.headers,
    });
    expect(served.status).toBe(404);
  });
});
