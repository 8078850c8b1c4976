import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommitmentsRepository } from '../../src/claims/commitments/commitments.repository';
import { COMMITMENT_TYPES, COMMITTING_TYPES } from '../../src/kernel/as-of/commitment-type';
import {
  commitmentsInForce,
  statementsInForce,
  type DatedStatement,
} from '../../src/kernel/as-of/as-of-rule';
import { ReviewStatus } from '../../src/kernel/review/review-status';
import { inForceForBrandsSql } from '../../src/kernel/as-of/in-force.sql';
import { pick, seededRandom, type Random } from '../support/seeded-random';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The as-of rule exists in two forms (kernel/as-of): SQL for queries over many brands, TypeScript for the
 * scoring engine and the public timeline. On random timelines of a brand and its group (supersessions,
 * retractions on either level, drafts and rejections among them) both forms must stand the same
 * statements on every day, or a grade and the list that filters by it would disagree.
 */
describe('the as-of rule in SQL and in TypeScript', () => {
  let testApp: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('stands the same statements on every day for 40 random brand timelines', async () => {
    const random = seededRandom(20261206);
    const repository = testApp.app.get(CommitmentsRepository);
    for (let round = 0; round < 40; round++) {
      const { brandId, statements } = await insertRandomTimeline(db, random);
      for (const asOf of [
        '2019-12-31',
        '2020-06-15',
        '2021-03-01',
        '2022-01-01',
        '2023-07-31',
        '2030-01-01',
      ]) {
        const rows = await repository.timeline(
          { brandId },
          { statuses: [ReviewStatus.Verified], asOf, limit: 1000 },
        );
        const inSql = rows
          .filter((row) => row.in_force)
          .map((row) => row.id)
          .sort();
        const inTs = statementsInForce(statements, asOf)
          .map((s) => s.id)
          .sort();
        expect({ round, asOf, ids: inSql }).toEqual({ round, asOf, ids: inTs });

        const typesSql = await db.query<Array<{ type: string }>>(
          `SELECT DISTINCT type FROM ${inForceForBrandsSql('(SELECT id, company_id FROM brands WHERE id = $1)', '$2::date')} t
           ORDER BY type`,
          [brandId, asOf],
        );
        const committingSql = typesSql.map((row) => row.type).filter((type) => COMMITTING.has(type));
        const committingTs = [...new Set(commitmentsInForce(statements, asOf).map((s) => s.type))].sort();
        expect({ round, asOf, types: committingSql }).toEqual({ round, asOf, types: committingTs });
      }
    }
  });
});

const COMMITTING: ReadonlySet<string> = new Set(COMMITTING_TYPES);

/** A group, a brand in it, and 2 to 8 statements on either level, as the scoring engine would see them. */
async function insertRandomTimeline(
  db: DataSource,
  random: Random,
): Promise<{ brandId: string; statements: DatedStatement[] }> {
  const companyId = randomUUID();
  const brandId = randomUUID();
  const tag = companyId.slice(0, 8);
  await db.query(`INSERT INTO companies (id, slug, name) VALUES ($1, $2, $3)`, [
    companyId,
    `group-${tag}`,
    tag,
  ]);
  await db.query(`INSERT INTO brands (id, slug, name, company_id) VALUES ($1, $2, $3, $4)`, [
    brandId,
    `brand-${tag}`,
    tag,
    companyId,
  ]);
  const statements: DatedStatement[] = [];
  const count = 2 + Math.floor(random() * 7);
  for (let index = 0; index < count; index++) {
    const onGroup = random() < 0.35;
    const earlier = statements.filter(
      (s) => (s as DatedStatement & { onGroup: boolean }).onGroup === onGroup,
    );
    const supersedes = earlier.length && random() < 0.3 ? pick(random, earlier).id : null;
    const status = pick(random, ['verified', 'verified', 'verified', 'draft', 'rejected'] as const);
    const type = random() < 0.25 ? 'retraction' : pick(random, COMMITMENT_TYPES);
    // Few distinct days, so that statements often share one (a retraction on the day of what it retracts).
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 24) * 61 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const statement = { id: randomUUID(), type, effectiveOn: day, supersedesId: supersedes, status, onGroup };
    await db.query(
      `INSERT INTO commitments (id, brand_id, company_id, type, stated_on, stated_on_precision, effective_on,
         summary, supersedes_id, status, reviewed_at, review_note)
       VALUES ($1, $2, $3, $4, $5, 'day', $5, 'random statement', $6, $7::varchar,
         CASE WHEN $7::varchar IN ('verified', 'rejected') THEN now() END, CASE WHEN $7::varchar = 'rejected' THEN 'no' END)`,
      [statement.id, onGroup ? null : brandId, onGroup ? companyId : null, type, day, supersedes, status],
    );
    statements.push(statement);
  }
  return { brandId, statements };
}
