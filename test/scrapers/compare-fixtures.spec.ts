import path from 'node:path';
import { compareHtml } from '../../scrapers';
import { readLabelledPairs } from './compare-labelled-pairs';

const pairs = readLabelledPairs(path.resolve(__dirname, '../fixtures/compare'));

describe('our own labelled compare fixtures', () => {
  it('cover at least forty cases in several languages', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const languages = new Set(pairs.map((pair) => pair.id.split('-')[0]));
    for (const language of ['en', 'de', 'fr', 'es', 'it', 'ja', 'zh', 'tr'])
      expect(languages).toContain(language);
  });

  it.each(pairs.map((pair) => [pair.id, pair.label, pair.why, pair] as const))(
    'judges %s as %s (%s)',
    (_id, label, _why, pair) => {
      expect(compareHtml(pair.oldHtml, pair.newHtml).significance).toBe(label);
    },
  );
});
