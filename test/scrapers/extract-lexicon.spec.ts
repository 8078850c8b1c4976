import { buildLexicon, findCuesInFolded, findTerms, foldForMatch } from '../../scrapers';

const labels = (text: string): string[] => findTerms(text).map((hit) => hit.label);

describe('the lexicon', () => {
  it('finds region names in many languages and scripts', () => {
    for (const text of [
      'Uyghur Region',
      'XUAR',
      'East Turkestan',
      '新疆',
      '維吾爾',
      'ウイグル',
      'Doğu Türkistan',
      "Sincan'dan",
      'ئۇيغۇر',
    ]) {
      expect(findTerms(text).some((hit) => hit.category === 'region')).toBe(true);
    }
  });

  it('finds forced labour in many languages, ignoring accents and case', () => {
    for (const text of [
      'forced labor',
      'Zwangsarbeit',
      'TRAVAIL FORCÉ',
      'trabajo forzoso',
      'lavoro forzato',
      '强迫劳动',
      '強制労働',
      'zorla çalıştırma',
    ]) {
      expect(findTerms(text).some((hit) => hit.category === 'forced_labour')).toBe(true);
    }
  });

  it('respects word boundaries for Latin terms', () => {
    expect(labels('banner over the frontier of the urban millennium')).toEqual([]);
    expect(labels('our suppliers and their tier 2 mills')).toEqual(['supplier', 'tier', 'mills']);
  });

  it('marks region and forced-labour terms strong and materials weak', () => {
    const hits = findTerms('cotton from Xinjiang');
    expect(hits.find((hit) => hit.label === 'cotton')?.strong).toBe(false);
    expect(hits.find((hit) => hit.label === 'xinjiang')?.strong).toBe(true);
  });

  it('finds negation and soft-404 cues', () => {
    expect(findCuesInFolded(foldForMatch("We don't source"), 'negation')).toEqual(["n't"]);
    expect(findCuesInFolded(foldForMatch('Seite nicht gefunden'), 'soft404').length).toBeGreaterThan(0);
    expect(findCuesInFolded(foldForMatch('ページが見つかりません'), 'soft404').length).toBeGreaterThan(0);
  });

  it('refuses a malformed lexicon with a message naming the place', () => {
    expect(() => buildLexicon({ categories: {}, terms: {} }, {}, {}, {})).toThrow(/categories\.region/);
    const terms = {
      categories: { region: { weight: 1, strong: true } },
      terms: { region: { en: [''] } },
    };
    expect(() => buildLexicon(terms, {}, {}, {})).toThrow(/terms\.region\.en/);
  });
});
