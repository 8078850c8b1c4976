import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createApiApp } from '../../../src/app/app-setup';
import { Role } from '../../../src/identity/auth/role.enum';
import { PublicDataVersion } from '../../../src/public/cache/public-data-version';
import { createUser } from '../../support/auth';
import { api } from '../../support/catalogue-api';
import { CatalogueFactory, unique } from '../../support/factories';
import { startTestApp, testConfig, type TestApp } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';
import { brandReads, outcomes, read, warm } from './public-reads';

/** Two API processes on one database, as behind a load balancer: they learn of each other's writes by NOTIFY. */
describe('public reads across two API processes', () => {
  let first: TestApp;
  let secondApp: NestExpressApplication;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    secondApp = await createApiApp(testConfig({ DATABASE_URL: first.database.url }));
    await secondApp.listen(0, '127.0.0.1');
    const { port } = secondApp.getHttpServer().address() as AddressInfo;
    second = { ...first, app: secondApp, baseUrl: `http://127.0.0.1:${port}` };
    for (const app of [first.app, secondApp]) {
      await waitFor(() => app.get(PublicDataVersion).current() !== null, { description: 'listening' });
    }
  });
  afterAll(async () => {
    await secondApp?.close();
    await first?.close();
  });

  it('serves a write made through one process fresh through the other, and both agree on the rest', async () => {
    const factory = new CatalogueFactory(first);
    const researcher = await createUser(first, Role.Researcher);
    const reviewer = await createUser(first, Role.Reviewer);
    const brand = await factory.verifiedBrand();
    const unrelated = await factory.verifiedBrand();
    const evidence = await factory.verifiedEvidence();
    const etags = await warm(second, [...brandReads(brand.slug), ...brandReads(unrelated.slug)]);
    // The same data under the same versions: the same validators, whichever process answers.
    for (const path of brandReads(unrelated.slug)) {
      expect((await read(first, path)).etag).toBe(etags.get(path));
    }

    const summary = `Signed ${unique()}.`;
    const created = await api(first, 'POST', `/api/brands/${brand.slug}/commitments`, {
      headers: researcher.headers,
      body: {
        type: 'call_to_action_public',
        statedOn: '2021-01-06',
        statedOnPrecision: 'day',
        summary,
        evidenceIds: [evidence.id],
      },
    });
    await api(first, 'POST', `/api/commitments/${created.body.id}/submit`, { headers: researcher.headers });
    const verified = await api(first, 'POST', `/api/commitments/${created.body.id}/review`, {
      headers: reviewer.headers,
      body: { decision: 'verify' },
    });
    expect(verified.status).toBe(200);
    const written = first.app.get(PublicDataVersion).versionOf(`b:${brand.slug}`);
    await waitFor(() => secondApp.get(PublicDataVersion).versionOf(`b:${brand.slug}`) === written, {
      description: "the other process's NOTIFY",
    });

    const after = await outcomes(second, etags);
    expect((await read(second, `/brands/${brand.slug}`)).body).toContain(summary);
    for (const path of brandReads(brand.slug)) expect([path, after[path]]).toEqual([path, 'rendered again']);
    for (const path of brandReads(unrelated.slug)) expect([path, after[path]]).toEqual([path, 'kept']);
    for (const path of [...brandReads(brand.slug), ...brandReads(unrelated.slug)]) {
      expect([path, (await read(first, path)).etag]).toEqual([path, (await read(second, path)).etag]);
    }
  });
});
