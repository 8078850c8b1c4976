import path from 'node:path';
import { compareHtml } from '../../scrapers';
import { readLabelledPairs } from './compare-labelled-pairs';

// A copy of the founders' corpus in ../shared (see its README), so a bare clone runs it.
const CORPUS = path.resolve(__dirname, '../fixtures/change-significance');
const pairs = readLabelledPairs(CORPUS);

describe('the change-significance corpus', () => {
  it('holds pairs to judge', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(18);
  });

  it.each(pairs.map((pair) => [pair.id, pair.label, pair.why, pair] as const))(
    'judges %s as %s (%s)',
    (_id, label, _why, pair) => {
      const result = compareHtml(pair.oldHtml, pair.newHtml);
      expect(result.significance).toBe(label);
      expect(result.changed).toBe(label !== 'none');
    },
  );
});
