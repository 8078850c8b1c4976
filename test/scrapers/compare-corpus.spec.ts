import path from 'node:path';
import { compareHtml } from '../../scrapers';
import { readLabelledPairs } from './compare-labelled-pairs';

// CI clones main with shared/ beside it, so the corpus sits two levels above the repository's test folder.
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/change-significance');
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
