import { FindingKind } from '../../src/claims/findings/finding-kind';
import { api } from '../support/catalogue-api';
import { CatalogueFactory } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The campaigner's question the screening makes possible: which brands committed while a supplier on the
 * UFLPA Entity List is on record (an open, verified finding of that kind, the brand's or its group's).
 */
describe('the listedSupplier filter', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('finds committed brands with a listed supplier on record, and drops them once the finding ended', async () => {
    const make = new CatalogueFactory(testApp);
    const sector = `listed-${Date.now()}`;
    const listed = await make.verifiedBrand({ sectors: [sector] });
    const clean = await make.verifiedBrand({ sectors: [sector] });
    const ended = await make.verifiedBrand({ sectors: [sector] });
    for (const brand of [listed, clean, ended]) await make.verifiedCommitment({ brand: brand.slug });
    await make.verifiedFinding(
      { brand: listed.slug },
      { kind: FindingKind.UflpaEntityListSupplier, publishedOn: '2023-01-01' },
    );
    await make.verifiedFinding({ brand: clean.slug }, { kind: FindingKind.NamedInReport });
    await make.verifiedFinding(
      { brand: ended.slug },
      { kind: FindingKind.UflpaEntityListSupplier, publishedOn: '2023-01-01', endedOn: '2024-06-01' },
    );
    const slugs = async (query: string) =>
      (
        await api<{ items: Array<{ slug: string }> }>(testApp, 'GET', `/api/brands?sector=${sector}&${query}`)
      ).body.items
        .map((item) => item.slug)
        .sort();

    expect(await slugs('commitment=any&listedSupplier=true')).toEqual([listed.slug]);
    expect(await slugs('commitment=any&listedSupplier=true&asOf=2024-05-31')).toEqual(
      [listed.slug, ended.slug].sort(),
    );
    expect(await slugs('listedSupplier=false')).toEqual([clean.slug, ended.slug].sort());
    const bad = await api(testApp, 'GET', '/api/brands?listedSupplier=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('listedSupplier must be true or false');
  });
});
