import type { ServerResponse } from 'node:http';
import { CommitmentsService } from '../../../src/claims/commitments/commitments.service';
import { Role } from '../../../src/identity/auth/role.enum';
import { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { createUser, type TestUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { FixtureServer, html } from '../../support/fixture-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { settledCapture } from '../../support/captures';

interface ScorecardEvidence {
  id: string;
  archive: {
    state: string;
    failure: string | null;
    originalSha256: string | null;
    originalHref: string | null;
  };
}

describe('honest evidence states on the public brand page', () => {
  let fixture: FixtureServer;
  let testApp: TestApp;
  let factory: CatalogueFactory;
  let researcher: TestUser;
  /** Answers the held request for /withdrawn with a 404, when the test says so. */
  let answerWithdrawn: () => void = () => undefined;

  beforeAll(async () => {
    fixture = await FixtureServer.start();
    const held = new Promise<void>((resolve) => (answerWithdrawn = resolve));
    fixture
      .route(
        '/policy',
        html('<html><body><main><p>We do not source from the region.</p></main></body></html>'),
      )
      .route('/withdrawn', (_request: unknown, response: ServerResponse) => {
        void held.then(() => {
          response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
          response.end('<html><body><p>Page not found</p></body></html>');
        });
      });
    testApp = await startTestApp({ worker: true, env: { FETCH_ALLOWLIST: fixture.hostPort } });
    factory = new CatalogueFactory(testApp);
    researcher = await createUser(testApp, Role.Researcher);
    await waitFor(() => testApp.app.get(PublicDataVersion).current() !== null, {
      description: 'the public cache listening',
    });
  });

  afterAll(async () => {
    answerWithdrawn();
    await testApp?.close();
    await fixture?.close();
  });

  /** A verified brand whose verified commitment cites verified evidence at `path` on the fixture server. */
  async function brandCiting(path: string): Promise<{ slug: string; evidenceId: string }> {
    const brand = await factory.verifiedBrand();
    const evidence = await factory.verifiedEvidence({ url: fixture.url(path) });
    const commitment = await factory.commitment({ brand: brand.slug }, { evidenceIds: [evidence.id] });
    await testApp.app.get(CommitmentsService).verifyAsSystem(commitment.id, 'test data');
    return { slug: brand.slug, evidenceId: evidence.id };
  }

  const page = async (slug: string) => (await fetch(`${testApp.baseUrl}/brands/${slug}`)).text();

  /** The evidence item of the brand's public scorecard (it sits under the records of the indicators). */
  async function scorecardEvidence(slug: string, evidenceId: string): Promise<ScorecardEvidence | undefined> {
    const response = await fetch(`${testApp.baseUrl}/api/brands/${slug}/scorecard`);
    return findEvidence(await response.json(), evidenceId);
  }

  it('says "capture pending" while the page is being archived, then "capture failed" and why', async () => {
    const { slug, evidenceId } = await brandCiting('/withdrawn');
    await waitFor(() => fixture.requests.some((request) => request.path === '/withdrawn'), {
      description: 'the capture reaching the page',
    });

    const pending = await page(slug);
    expect(pending).toContain('capture pending');
    expect(pending).not.toContain('not archived yet');

    answerWithdrawn();
    await settledCapture(testApp, evidenceId, researcher.headers);
    // The failure moves the public-data version, so the cached page is rendered again.
    const failed = await waitFor(
      async () => {
        const body = await page(slug);
        return body.includes('capture failed') ? body : undefined;
      },
      { description: 'the brand page showing the failed capture' },
    );
    expect(failed).toContain('capture failed: not found (the page answered 404)');
    expect(failed).not.toContain('capture pending');
    expect(await scorecardEvidence(slug, evidenceId)).toMatchObject({
      archive: { state: 'failed', failure: 'not found (the page answered 404)', originalHref: null },
    });
  });

  it('shows an archived source with its capture date, the hash of the original and the links to check it', async () => {
    const { slug, evidenceId } = await brandCiting('/policy');
    const capture = await settledCapture(testApp, evidenceId, researcher.headers);
    expect(capture.state).toBe('done');

    const body = await waitFor(
      async () => {
        const html = await page(slug);
        return html.includes('archived copy') ? html : undefined;
      },
      { description: 'the brand page showing the archived copy' },
    );
    expect(body).toContain(`href="/api/evidence/${evidenceId}/capture/original"`);
    expect(body).toContain(`href="/api/evidence/${evidenceId}/capture.wacz"`);
    expect(body).toContain(`<code class="hash">${capture.bodySha256}</code>`);
    expect(body).toContain(`captured ${capture.capturedAt?.slice(0, 10)}`);
    // No link check has run yet: the page claims nothing about the link.
    expect(body).not.toMatch(/link alive|link dead|changed since capture/);
    expect(await scorecardEvidence(slug, evidenceId)).toMatchObject({
      archive: { state: 'archived', originalSha256: capture.bodySha256 },
    });
  });
});

function findEvidence(node: unknown, evidenceId: string): ScorecardEvidence | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findEvidence(child, evidenceId);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record.id === evidenceId && 'archive' in record) return record as unknown as ScorecardEvidence;
  return findEvidence(Object.values(record), evidenceId);
}
