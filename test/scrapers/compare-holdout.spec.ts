import path from 'node:path';
import { compareHtml, compareVersions, extractFromText } from '../../scrapers';
import { readLabelledPairs, readLabelledTextPairs } from './compare-labelled-pairs';

// Written without looking at test/fixtures/compare/, as an independent check of the compare logic.
const HOLDOUT = path.resolve(__dirname, '../fixtures/compare-holdout');
const htmlPairs = readLabelledPairs(HOLDOUT);
const textPairs = readLabelledTextPairs(HOLDOUT);

describe('the hold-out compare fixtures', () => {
  it('hold at least forty HTML pairs and some innerText pairs, of every significance', () => {
    expect(htmlPairs.length).toBeGreaterThanOrEqual(40);
    expect(textPairs.length).toBeGreaterThanOrEqual(5);
    const labels = new Set([...htmlPairs, ...textPairs].map((pair) => pair.label));
    expect([...labels].sort()).toEqual(['major', 'minor', 'none']);
  });

  it.each(htmlPairs.map((pair) => [pair.id, pair.label, pair.why, pair] as const))(
    'judges the HTML pair %s as %s (%s)',
    (_id, label, _why, pair) => {
      const result = compareHtml(pair.oldHtml, pair.newHtml);
      expect(result.significance).toBe(label);
      expect(result.changed).toBe(label !== 'none');
    },
  );

  it.each(textPairs.map((pair) => [pair.id, pair.label, pair.why, pair] as const))(
    'judges the innerText pair %s as %s (%s)',
    (_id, label, _why, pair) => {
      const result = compareVersions(extractFromText(pair.oldText), extractFromText(pair.newText));
      expect(result.significance).toBe(label);
    },
  );
});
