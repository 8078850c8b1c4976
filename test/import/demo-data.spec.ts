import { DataSource } from 'typeorm';
import { seedDemoDataIfEmpty, SEED_FILES, SEEDS_DIR } from '../../seeds';
import { openImportContext } from '../../src/import/import-context';
import { api } from '../support/catalogue-api';
import { startTestApp, TestApp } from '../support/test-app';
import { expectedFromSeedFiles } from './seed-facts';
import path from 'node:path';

/** The demo data: loaded once through the importer, counted against the files, and read back as a campaigner would. */
describe('the demo data', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  const expected = expectedFromSeedFiles();
  const firstLoad: string[] = [];

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.app.get(DataSource);
    await seedDemoDataIfEmpty(dataSource, (line) => firstLoad.push(line));
    // ~200 rows, each a few audited transactions: seconds on a quiet machine, a minute or more on a busy one.
  }, 180_000);

  afterAll(async () => {
    await testApp.close();
  });

  async function count(sql: string): Promise<number> {
    const [row] = await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${sql}`);
    return row.n;
  }

  async function slugs(query: string): Promise<string[]> {
    const response = await api(testApp, 'GET', `/api/brands?limit=200&${query}`);
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ slug: string }>).map((item) => item.slug);
  }

  it('prints how many rows of each file it created', () => {
    expect(firstLoad).toEqual([
      `Demo data brands: ${expected.brands} rows, ${expected.brands} created, 0 unchanged, 0 failed (companies created: ${expected.companies})`,
      `Demo data evidence: ${expected.evidence} rows, ${expected.evidence} created, 0 unchanged, 0 failed`,
      `Demo data commitments: ${expected.commitments} rows, ${expected.commitments} created, 0 unchanged, 0 failed`,
      `Demo data findings: ${expected.findings} rows, ${expected.findings} created, 0 unchanged, 0 failed`,
      `Demo data closures: ${expected.closures} rows, ${expected.closures} created, 0 unchanged, 0 failed`,
    ]);
  });

  it('holds as many records as the files describe, verified unless marked uncertain', async () => {
    expect(await count(`brands WHERE status = 'verified'`)).toBe(expected.brands);
    expect(await count(`companies WHERE status = 'verified'`)).toBe(expected.companies);
    expect(await count(`evidence WHERE status = 'verified'`)).toBe(expected.evidence);
    expect(await count('commitments')).toBe(expected.commitments);
    expect(await count(`commitments WHERE status = 'verified' AND reviewed_by IS NULL`)).toBe(
      expected.commitments - expected.uncertainCommitments,
    );
    expect(await count(`commitments WHERE status = 'submitted' AND review_note LIKE 'Uncertain: %'`)).toBe(
      expected.uncertainCommitments,
    );
    expect(await count(`exposure_findings WHERE status = 'verified'`)).toBe(expected.findings);
    expect(
      await count(
        'commitments c WHERE NOT EXISTS (SELECT 1 FROM commitment_evidence l WHERE l.commitment_id = c.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        'exposure_findings f WHERE NOT EXISTS (SELECT 1 FROM finding_evidence l WHERE l.finding_id = f.id)',
      ),
    ).toBe(0);
  });

  it('keeps the ASPI caveat on the report evidence and closes the Volkswagen facility finding on its sale', async () => {
    const [report] = await dataSource.query<Array<{ review_note: string }>>(
      `SELECT review_note FROM evidence WHERE url LIKE '%Uyghurs%20for%20sale%'`,
    );
    expect(report.review_note).toContain('revised');
    // The sale is a closure of its own, verified, with the news report as its source.
    const [closure] = await dataSource.query<Array<{ ended_on: string; status: string; sources: number }>>(
      `SELECT c.ended_on::text AS ended_on, c.status,
              (SELECT count(*)::int FROM finding_closure_evidence l WHERE l.closure_id = c.id) AS sources
       FROM finding_closures c JOIN exposure_findings f ON f.id = c.finding_id JOIN brands b ON b.id = f.brand_id
       WHERE b.slug = 'volkswagen' AND f.kind = 'own_facility_in_region'`,
    );
    expect(closure).toEqual({ ended_on: '2024-11-27', status: 'verified', sources: 1 });
  });

  it('answers the campaigner query from the seeded facts', async () => {
    expect(await slugs('commitment=call_to_action_public&country=GB')).toEqual(
      expect.arrayContaining(['marks-and-spencer', 'asos']),
    );
    expect(await slugs('sector=apparel&commitment=any')).toEqual(
      expect.arrayContaining(['hobbs', 'phase-eight', 'whistles']),
    );
    expect(await slugs('commitment=retraction&asOf=2021-03-23')).not.toContain('h-and-m');
    expect(await slugs('commitment=retraction&asOf=2021-03-24')).toContain('h-and-m');
    expect(await slugs('sector=apparel&commitment=none')).toEqual(
      expect.arrayContaining(['h-and-m', 'zara']),
    );
    expect(await slugs('sector=apparel&commitment=none')).not.toContain('marks-and-spencer');
    expect(await slugs('commitment=denial')).toEqual(['uniqlo']);
    expect(await slugs('sector=automotive&exposed=true')).toContain('volkswagen');
  });

  it('is not loaded again into a catalogue that holds brands', async () => {
    const lines: string[] = [];
    const auditBefore = await count('audit_log');
    await seedDemoDataIfEmpty(dataSource, (line) => lines.push(line));
    expect(lines).toEqual(['Demo data not loaded: the catalogue already holds brands']);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('changes nothing when the same files are imported again', async () => {
    const auditBefore = await count('audit_log');
    const context = await openImportContext(dataSource);
    try {
      for (const [kind, file] of SEED_FILES) {
        const report = await context.importer.importFile(kind, path.join(SEEDS_DIR, file));
        expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: report.rows, failed: 0 });
      }
    } finally {
      await context.close();
    }
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('brands')).toBe(expected.brands);
    // One lookup per row, reads only: allow for a busy machine.
  }, 120_000);
});
