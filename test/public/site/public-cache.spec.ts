import { DataSource } from 'typeorm';
import { Role } from '../../../src/identity/auth/role.enum';
import { CommitmentsService } from '../../../src/claims/commitments/commitments.service';
import { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { createUser } from '../../support/auth';
import { CatalogueFactory } from '../../support/factories';
import { startTestApp, TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

describe('caching of public reads', () => {
  let testApp: TestApp;
  let factory: CatalogueFactory;

  beforeAll(async () => {
    testApp = await startTestApp();
    factory = new CatalogueFactory(testApp);
    await waitFor(() => testApp.app.get(PublicDataVersion).current() !== null, {
      description: 'the cache listening',
    });
  });
  afterAll(() => testApp.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${testApp.baseUrl}${path}`, { headers });

  it('answers a conditional GET with 304 while nothing changed, for pages and API reads', async () => {
    const brand = await factory.verifiedBrand();
    for (const path of [
      `/brands/${brand.slug}`,
      `/api/brands/${brand.slug}/scorecard`,
      '/brands?sector=apparel',
    ]) {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      // The copy (served before Express) carries the render's headers, security headers included.
      const copy = await get(path);
      expect([copy.headers.get('etag'), await copy.text()]).toEqual([etag, await first.text()]);
      for (const header of [
        'content-type',
        'content-security-policy',
        'x-content-type-options',
        'cache-control',
      ]) {
        expect([header, copy.headers.get(header)]).toEqual([header, first.headers.get(header)]);
      }
      expect(copy.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect((await get(`/brands/${brand.slug}?asOf=2020-01-01`)).headers.get('etag')).not.toBe(
      (await get(`/brands/${brand.slug}`)).headers.get('etag'),
    );
  });

  it('changes the ETag and the page the moment a reviewer verifies a commitment (no stale view)', async () => {
    const researcher = await createUser(testApp, Role.Researcher);
    const reviewer = await createUser(testApp, Role.Reviewer);
    const brand = await factory.verifiedBrand();
    const evidence = await factory.verifiedEvidence();
    const created = (await (
      await fetch(`${testApp.baseUrl}/api/brands/${brand.slug}/commitments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...researcher.headers },
        body: JSON.stringify({
          type: 'call_to_action_public',
          statedOn: '2021-01-06',
          statedOnPrecision: 'day',
          summary: 'Signed.',
          evidenceIds: [evidence.id],
        }),
      })
    ).json()) as { id: string };
    const page = await get(`/brands/${brand.slug}`);
    expect(await page.text()).toContain('Not assessed');
    const etag = page.headers.get('etag') ?? '';
    await testApp.app
      .get(CommitmentsService)
      .submit(created.id, { id: researcher.id, email: researcher.email, role: Role.Researcher });
    // A submission changes nothing public: the copy stays valid. (Evidence links always invalidate: cheap.)
    expect((await get(`/brands/${brand.slug}`, { 'if-none-match': etag })).status).toBe(304);
    const verified = await fetch(`${testApp.baseUrl}/api/commitments/${created.id}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reviewer.headers },
      body: JSON.stringify({ decision: 'verify' }),
    });
    expect(verified.status).toBe(200);
    const after = await get(`/brands/${brand.slug}`, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('grade <strong>B</strong>');
  });

  it("keeps an unrelated brand's validators when another brand's commitment is verified (a CDN revalidates with a 304)", async () => {
    const verified = await factory.verifiedBrand();
    const unrelated = await factory.verifiedBrand();
    const paths = (slug: string) => [
      `/brands/${slug}`,
      `/badge/${slug}.svg`,
      `/api/brands/${slug}/scorecard`,
    ];
    const etags = new Map<string, string>();
    for (const path of [...paths(verified.slug), ...paths(unrelated.slug)]) {
      etags.set(path, (await get(path)).headers.get('etag') ?? '');
    }
    await factory.verifiedCommitment({ brand: verified.slug });
    await testApp.app.get(PublicDataVersion).refresh();
    const statuses = async (slug: string) =>
      Promise.all(
        paths(slug).map(async (path) => (await get(path, { 'if-none-match': etags.get(path) ?? '' })).status),
      );
    expect(await statuses(verified.slug)).toEqual([200, 200, 200]);
    expect(await statuses(unrelated.slug)).toEqual([304, 304, 304]);
  });

  it('never shares a signed-in render, and never keeps an error', async () => {
    const user = await createUser(testApp, Role.Researcher);
    const brand = await factory.verifiedBrand();
    const signedIn = await get(`/brands/${brand.slug}`, user.headers);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('etag')).toBeNull();
    const missing = await get('/brands/no-such-brand', { accept: 'text/html' });
    expect(missing.status).toBe(404);
    expect([missing.headers.get('cache-control'), missing.headers.get('etag')]).toEqual([
      'private, no-store',
      null,
    ]);
  });

  it('reconnects when its listening connection dies, and sees changes made by another process', async () => {
    const brand = await factory.verifiedBrand();
    const version = testApp.app.get(PublicDataVersion);
    const dataSource = testApp.app.get(DataSource);
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'public-cache' AND datname = current_database()`,
    );
    await waitFor(() => version.current() !== null, { description: 'listening again' });
    const etag = (await get(`/brands/${brand.slug}`)).headers.get('etag') ?? '';
    const before = version.current();
    // As another API process or the importer would: straight to the database, no request through this one.
    await dataSource.query(`UPDATE brands SET name = 'Renamed Elsewhere' WHERE id = $1`, [brand.id]);
    await waitFor(() => version.current() !== before, { description: 'the NOTIFY' });
    const after = await get(`/brands/${brand.slug}`, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Renamed Elsewhere');
  });
});
