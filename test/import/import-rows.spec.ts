import { DataSource } from 'typeorm';
import { Role } from '../../src/identity/auth/role.enum';
import type { CatalogueImporter } from '../../src/import/catalogue-importer';
import type { RowFailure } from '../../src/import/import-report';
import { ImportContext, openImportContext } from '../../src/import/import-context';
import { createUser } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { csvFile } from './csv-files';

/** Row by row: bad rows are reported with their line and skipped, good rows go in, dry runs write nothing. */
describe('importing CSV rows', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let context: ImportContext;
  let importer: CatalogueImporter;

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.app.get(DataSource);
    context = await openImportContext(dataSource);
    importer = context.importer;
  });

  afterAll(async () => {
    await context.close();
    await testApp.close();
  });

  async function count(sql: string, values: unknown[] = []): Promise<number> {
    const [row] = await dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${sql}`,
      values,
    );
    return row.n;
  }

  // Issue 15: the dry run said "would be created" and the real run dropped the row in Postgres's varchar(20).
  it('refuses a row the database could not hold in the dry run already, and says so in the real run', async () => {
    const file = csvFile('brands.csv', ['name,wikidata_id', `Rows Long Wikidata,Q${'1'.repeat(24)}`]);
    for (const dryRun of [true, false]) {
      const failures: RowFailure[] = [];
      const report = await importer.importFile('brands', file, {
        dryRun,
        onFailure: (failure) => failures.push(failure),
      });
      expect(report.counts).toMatchObject({ created: 0, failed: 1 });
      expect(failures).toEqual([{ line: 2, reason: expect.stringContaining('wikidata_id') }]);
    }
    expect(await count(`brands WHERE name = 'Rows Long Wikidata'`)).toBe(0);
  });

  it('reports each bad row with its line number and reason, and imports the good ones', async () => {
    const file = csvFile('brands.csv', [
      'name,company,sectors,hq_country',
      'Rows Good One,Rows Group,apparel,GB',
      'Rows Bad Country,,apparel,XX',
      '"Rows Two',
      'Lines",,Apparel,GB',
      'Rows,Too,Many,GB,fields',
      'Rows Good Two,Rows Group,electronics,FR',
    ]);
    const failures: RowFailure[] = [];
    const report = await importer.importFile('brands', file, {
      onFailure: (failure) => failures.push(failure),
    });

    expect(failures).toEqual([
      { line: 3, reason: expect.stringContaining('hq_country must be an ISO 3166-1 alpha-2') },
      { line: 4, reason: 'each value in sectors must be a lower-case key like apparel' },
      { line: 6, reason: 'has 5 fields where the header has 4' },
    ]);
    expect(report).toMatchObject({
      rows: 5,
      counts: { created: 2, unchanged: 0, failed: 3 },
      companiesCreated: 1,
    });
    expect(await count(`brands WHERE name LIKE 'Rows Good%' AND status = 'verified'`)).toBe(2);
    expect(await count(`companies WHERE name = 'Rows Group'`)).toBe(1);
  });

  it('refuses commitments whose evidence or brand is unknown, naming the column', async () => {
    await importer.importFile('brands', csvFile('b.csv', ['name,sectors', 'Refused Brand,apparel']));
    const file = csvFile('commitments.csv', [
      'brand,type,stated_on,stated_on_precision,summary,source_urls',
      'Refused Brand,call_to_action_public,2021-01-06,day,Signed.,https://example.org/not-logged',
      'Nobody Such,call_to_action_public,2021-01-06,day,Signed.,https://example.org/not-logged',
      'Refused Brand,call_to_action_public,2021-02-30,day,Signed.,https://example.org/not-logged',
    ]);
    const failures: RowFailure[] = [];
    await importer.importFile('commitments', file, { onFailure: (failure) => failures.push(failure) });
    expect(failures).toEqual([
      {
        line: 2,
        reason: expect.stringContaining('source_urls: no evidence with URL https://example.org/not-logged'),
      },
      { line: 3, reason: expect.stringContaining('brand: no brand "Nobody Such"') },
      { line: 4, reason: 'stated_on must be a date as YYYY-MM-DD' },
    ]);
  });

  it('validates and counts in a dry run without writing anything', async () => {
    const file = csvFile('brands.csv', [
      'name,company,sectors',
      'Dry Run Brand,Dry Run Group,apparel',
      'Dry Run Brand,Dry Run Group,apparel',
      'Dry Run Other,Dry Run Group,toys',
      'Dry Run Bad,,NOT A SECTOR',
    ]);
    const auditBefore = await count('audit_log');
    const report = await importer.importFile('brands', file, { dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      counts: { created: 2, unchanged: 1, failed: 1 },
      companiesCreated: 1,
    });
    expect(await count(`brands WHERE name LIKE 'Dry Run%'`)).toBe(0);
    expect(await count(`companies WHERE name LIKE 'Dry Run%'`)).toBe(0);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('links evidence, supersedes by type and date, and leaves uncertain claims submitted', async () => {
    await importer.importFile('brands', csvFile('b.csv', ['name,sectors', 'Claims Brand,apparel']));
    await importer.importFile(
      'evidence',
      csvFile('e.csv', [
        'url,kind',
        'https://example.org/claims-a,news',
        'https://example.org/claims-b,news',
      ]),
    );
    const report = await importer.importFile(
      'commitments',
      csvFile('c.csv', [
        'brand,type,stated_on,stated_on_precision,summary,source_urls,supersedes_type,supersedes_stated_on,uncertain',
        'Claims Brand,policy_no_region_sourcing,2020-09-01,month,A policy.,https://example.org/claims-a,,,the month is unsure',
        'Claims Brand,retraction,2021-03-24,day,Withdrawn.,https://example.org/claims-b|https://example.org/claims-a,policy_no_region_sourcing,2020-09-15,',
      ]),
    );
    expect(report.counts).toMatchObject({ created: 2, failed: 0 });
    const rows = await dataSource.query<
      Array<{ type: string; status: string; review_note: string; supersedes: string | null; links: number }>
    >(
      `SELECT c.type, c.status, c.review_note, previous.type AS supersedes,
              (SELECT count(*)::int FROM commitment_evidence l WHERE l.commitment_id = c.id) AS links
       FROM commitments c JOIN brands b ON b.id = c.brand_id
       LEFT JOIN commitments previous ON previous.id = c.supersedes_id
       WHERE b.name = 'Claims Brand' ORDER BY c.stated_on`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'policy_no_region_sourcing',
        status: 'submitted',
        review_note: 'Uncertain: the month is unsure',
        links: 1,
      }),
      expect.objectContaining({
        type: 'retraction',
        status: 'verified',
        supersedes: 'policy_no_region_sourcing',
        links: 2,
      }),
    ]);
  });

  it('attributes rows to a researcher as drafts with --as, and refuses a reviewer', async () => {
    const researcher = await createUser(testApp, Role.Researcher);
    const reviewer = await createUser(testApp, Role.Reviewer);
    const file = csvFile('brands.csv', ['name,company', 'Drafted Brand,Drafted Group']);
    const report = await importer.importFile('brands', file, { asEmail: researcher.email });
    expect(report.counts.created).toBe(1);
    expect(
      await count(`brands WHERE name = 'Drafted Brand' AND status = 'draft' AND created_by = $1`, [
        researcher.id,
      ]),
    ).toBe(1);
    expect(
      await count(`companies WHERE name = 'Drafted Group' AND status = 'draft' AND created_by = $1`, [
        researcher.id,
      ]),
    ).toBe(1);
    await expect(importer.importFile('brands', file, { asEmail: reviewer.email })).rejects.toThrow(
      'only researchers and admins create entries',
    );
  });

  it('stops before any row when the header names an unknown column', async () => {
    const file = csvFile('brands.csv', ['name,colour', 'Header Brand,red']);
    await expect(importer.importFile('brands', file)).rejects.toThrow('line 1: unknown column(s) colour');
    expect(await count(`brands WHERE name = 'Header Brand'`)).toBe(0);
  });
});
