import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { refreshBrandStandingsBody } from '../../src/catalogue/brands/brand-standing.sql';
import { STANDINGS_REFRESH_SCHEDULER_ID } from '../../src/catalogue/brands/standings-refresh.processor';
import { Role } from '../../src/identity/auth/role.enum';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { today } from '../../src/kernel/dates/today';
import { QueueName } from '../../src/platform/queues/queue-catalogue';
import { createUser, type TestUser } from '../support/auth';
import { addDays, computeStandingsOn, standingOf } from '../support/brand-standings';
import { api } from '../support/catalogue-api';
import { CatalogueFactory, unique } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

/**
 * A day passing is no write: a row computed yesterday can be wrong today. Rows are computed here "yesterday"
 * (the SQL function the triggers call, with yesterday's date), and today's list and facets must still be right
 * before any refresh; then the worker's daily job brings the rows to today.
 */
describe('brand standings across a change of day', () => {
  let testApp: TestApp;
  let reader: TestUser;
  const SECTOR = `standings-days-${unique()}`;
  const TODAY = today();
  const YESTERDAY = addDays(TODAY, -1);
  let committedToday: { id: string; slug: string };
  let endedToday: { id: string; slug: string };
  let quiet: { id: string; slug: string };

  beforeAll(async () => {
    testApp = await startTestApp({ worker: true });
    // Signed-in reads are never served from the front cache, which the direct table writes here do not bump.
    reader = await createUser(testApp, Role.Researcher);
    const make = new CatalogueFactory(testApp);
    committedToday = await make.verifiedBrand({ sectors: [SECTOR] });
    await make.verifiedCommitment({ brand: committedToday.slug }, { statedOn: TODAY });
    endedToday = await make.verifiedBrand({ sectors: [SECTOR] });
    await make.verifiedFinding(
      { brand: endedToday.slug },
      { publishedOn: addDays(TODAY, -100), endedOn: TODAY },
    );
    quiet = await make.verifiedBrand({ sectors: [SECTOR] });
    await computeStandingsOn(testApp, [committedToday.id, endedToday.id, quiet.id], YESTERDAY);
  });

  afterAll(() => testApp.close());

  const slugs = async (query: string) =>
    (
      await api<{ items: Array<{ slug: string }> }>(
        testApp,
        'GET',
        `/api/brands?sector=${SECTOR}&status=verified&${query}`,
        { headers: reader.headers },
      )
    ).body.items.map((item) => item.slug);

  it("holds yesterday's rows only until the day a recorded date changes them", async () => {
    expect(await standingOf(testApp, committedToday.id)).toMatchObject({
      commitment_types: [],
      computed_on: YESTERDAY,
      valid_until: TODAY,
    });
    expect(await standingOf(testApp, endedToday.id)).toMatchObject({ exposed: true, valid_until: TODAY });
    expect(await standingOf(testApp, quiet.id)).toMatchObject({ computed_on: YESTERDAY, valid_until: null });
  });

  it('answers today from the rule for the rows that no longer hold, before any refresh', async () => {
    expect(await slugs('commitment=any')).toEqual([committedToday.slug]);
    expect(await slugs('exposed=true')).toEqual([]);
    const facets = await api(testApp, 'GET', `/api/brands/facets?sector=${SECTOR}&status=verified`, {
      headers: reader.headers,
    });
    expect(facets.body).toMatchObject({
      total: 3,
      commitment: { any: 1, none: 2, types: [{ value: CommitmentType.CallToActionPublic, count: 1 }] },
    });
    // Nothing was rewritten: the answers came from the rule, not from the table.
    expect((await standingOf(testApp, committedToday.id))?.computed_on).toBe(YESTERDAY);
  });

  it('refreshes the rows a day made stale in the daily job, and only those', async () => {
    const queue = testApp.worker!.get<Queue>(getQueueToken(QueueName.Catalogue), { strict: false });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.pattern])).toContainEqual([
      STANDINGS_REFRESH_SCHEDULER_ID,
      '5 0 * * *',
    ]);
    const run = async (): Promise<number> => {
      const job = await queue.add('refresh-brand-standings', {});
      const finished = async () => ((await job.isCompleted()) ? queue.getJob(job.id!) : false);
      return (await waitFor(finished, { description: 'the refresh job' }))?.returnvalue as number;
    };
    expect(await run()).toBe(2);
    expect(await standingOf(testApp, committedToday.id)).toMatchObject({
      commitment_types: [CommitmentType.CallToActionPublic],
      computed_on: TODAY,
      valid_until: null,
    });
    expect(await standingOf(testApp, endedToday.id)).toMatchObject({ exposed: false, computed_on: TODAY });
    expect((await standingOf(testApp, quiet.id))?.computed_on).toBe(YESTERDAY);
    expect(await run()).toBe(0);
  });

  it('reads the table for rows that hold today (so the table, not only the rule, is what answers)', async () => {
    await testApp.app
      .get(DataSource)
      .query('UPDATE brand_standings SET exposed = true WHERE id = $1', [quiet.id]);
    expect(await slugs('exposed=true')).toEqual([quiet.slug]);
    await computeStandingsOn(testApp, [quiet.id], TODAY);
    expect(await slugs('exposed=true')).toEqual([]);
  });

  it("keeps the frozen rule of the migration equal to the kernel's (a change needs a new migration)", async () => {
    const [fn] = await testApp.app
      .get(DataSource)
      .query<Array<{ prosrc: string }>>(
        `SELECT prosrc FROM pg_proc WHERE proname = 'refresh_brand_standings'`,
      );
    const words = (sql: string) => sql.replace(/\s+/g, ' ').trim();
    expect(words(fn.prosrc)).toBe(words(refreshBrandStandingsBody()));
  });
});
