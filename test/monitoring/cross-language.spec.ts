import { html } from '../support/fixture-server';
import {
  api,
  checkOnce,
  createWatch,
  sql,
  startHarness,
  waitForCheck,
  type Harness,
} from '../support/monitoring-harness';

const page = (lang: string, title: string, paragraphs: string[]) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main><h1>${title}</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</main></body></html>`;

const ENGLISH = page('en', 'Responsible sourcing', [
  'Northwind does not source cotton from the Xinjiang Uyghur Autonomous Region.',
  'We opened twelve new stores this year.',
]);
const CHINESE = page('zh', '负责任采购', [
  'Northwind不从新疆维吾尔自治区采购棉花。',
  '我们今年新开了十二家门店。',
]);
const CHINESE_WITHOUT_STATEMENT = page('zh', '负责任采购', [
  '我们今年新开了十二家门店。',
  '欢迎光临我们的门店。',
]);

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

interface FlagRow {
  kind: string;
  significance: string;
  reasons: string[];
  old_snapshot_id: string;
  new_snapshot_id: string;
}

/** One statement in several languages (issue 16): a version that departs from the others is flagged once. */
describe('a statement watched in two languages', () => {
  async function groupedWatch(path: string, body: string, language: string) {
    harness.site.route(path, html(body));
    const watch = await createWatch(harness, path, { language, statementGroup: 'region-statement' });
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    return watch;
  }
  const mismatches = (watchId: string) =>
    sql<FlagRow>(harness, `SELECT * FROM flags WHERE watch_id = $1 AND kind = 'language_mismatch'`, [
      watchId,
    ]);

  it('raises one major "inconsistent across languages" flag naming both pages when one version drops it', async () => {
    const english = await groupedWatch('/en/sourcing', ENGLISH, 'en');
    const chinese = await groupedWatch('/zh/sourcing', CHINESE, 'zh');
    expect(await mismatches(chinese.id)).toEqual([]);

    harness.site.route('/zh/sourcing', html(CHINESE_WITHOUT_STATEMENT));
    expect(await checkOnce(harness, chinese.id, 40_000)).toBe('changed');
    const flags = await mismatches(chinese.id);
    expect(flags).toHaveLength(1);
    expect(flags[0].significance).toBe('major');
    expect(flags[0].reasons[0]).toContain('inconsistent across languages');
    expect(flags[0].reasons[0]).toContain(harness.site.url('/en/sourcing'));
    expect(flags[0].reasons[0]).toContain(harness.site.url('/zh/sourcing'));
    const current = async (id: string) =>
      (await api<{ currentSnapshotId: string }>(harness, 'GET', `/api/watches/${id}`)).body.currentSnapshotId;
    expect(flags[0]).toMatchObject({
      old_snapshot_id: await current(english.id),
      new_snapshot_id: await current(chinese.id),
    });

    // Checking the English page again finds the same pair: no second flag.
    expect(await checkOnce(harness, english.id, 40_000)).toBe('unchanged');
    expect(await checkOnce(harness, chinese.id, 40_000)).toBe('unchanged');
    expect(await mismatches(chinese.id)).toHaveLength(1);
    expect(await mismatches(english.id)).toHaveLength(0);
  });

  it('leaves watches outside a statement group alone', async () => {
    harness.site.route('/zh/about', html(CHINESE_WITHOUT_STATEMENT));
    const watch = await createWatch(harness, '/zh/about', { language: 'zh' });
    await waitForCheck(harness, `check:${watch.id}:first`, 40_000);
    expect(await mismatches(watch.id)).toEqual([]);
  });

  it('refuses a statement group that is not a short slug', async () => {
    const response = await api(harness, 'POST', '/api/watches', {
      body: { brand: harness.brandSlug, url: harness.site.url('/x'), statementGroup: 'Not A Slug!' },
    });
    expect(response.status).toBe(400);
  });
});
