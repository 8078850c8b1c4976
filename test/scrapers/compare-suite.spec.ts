import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareHtml } from '../../scrapers';
import { readLabelledPairs, type LabelledPair } from './compare-labelled-pairs';
import { describeMetrics, suiteMetrics, type Judged } from './compare-metrics';

// Issue 16's suite: bot walls, consent dialogs, traceability, assurance, scope, named entities, admissions,
// ephemeral widgets and other languages. Earlier suites are measured alongside so a rule that helps one and
// hurts another shows here.
const SUITE = path.resolve(__dirname, '../fixtures/compare-suite');
const EARLIER = {
  'shared corpus': path.resolve(__dirname, '../fixtures/change-significance'),
  'compare fixtures': path.resolve(__dirname, '../fixtures/compare'),
  'hold-out fixtures': path.resolve(__dirname, '../fixtures/compare-holdout'),
};
const suite = readLabelledPairs(SUITE);
/** Pairs whose new version is a bot wall, challenge or rate-limit page: `"blocked": true` in labels.jsonl. */
const walls = new Set(
  readFileSync(path.join(SUITE, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as { id: string; blocked?: boolean })
    .filter((line) => line.blocked === true)
    .map((line) => line.id),
);

function judge(pairs: readonly LabelledPair[]): Judged[] {
  return pairs.map((pair) => ({
    id: pair.id,
    label: pair.label,
    got: compareHtml(pair.oldHtml, pair.newHtml).significance,
  }));
}

describe('the issue-16 compare suite', () => {
  it('holds at least eighty pairs of every significance', () => {
    expect(suite.length).toBeGreaterThanOrEqual(80);
    expect([...new Set(suite.map((pair) => pair.label))].sort()).toEqual(['major', 'minor', 'none']);
  });

  it.each(suite.map((pair) => [pair.id, pair.label, pair.why, pair] as const))(
    'judges %s as %s (%s)',
    (_id, label, _why, pair) => {
      const result = compareHtml(pair.oldHtml, pair.newHtml);
      expect(result.significance).toBe(label);
      expect(result.changed).toBe(label !== 'none');
      expect(result.blocked !== undefined).toBe(walls.has(pair.id));
    },
  );

  it('knows bot walls of every family it was written for', () => {
    const vendors = suite
      .filter((pair) => walls.has(pair.id))
      .map((pair) => compareHtml(pair.oldHtml, pair.newHtml).blocked?.vendor);
    for (const vendor of ['cloudflare', 'akamai', 'perimeterx', 'datadome', 'imperva'] as const) {
      expect(vendors).toContain(vendor);
    }
  });

  it('finds the majors and keeps noise from reviewers, here and in every earlier suite', () => {
    const report = [describeMetrics('issue-16 suite', suiteMetrics(judge(suite)))];
    for (const [name, folder] of Object.entries(EARLIER)) {
      report.push(describeMetrics(name, suiteMetrics(judge(readLabelledPairs(folder)))));
    }
    process.stdout.write(`\n${report.join('\n')}\n`);
    const ours = suiteMetrics(judge(suite));
    expect(ours.majorRecall).toBeGreaterThanOrEqual(0.95);
    expect(ours.noiseToReviewer).toBeLessThanOrEqual(0.05);
  });
});
