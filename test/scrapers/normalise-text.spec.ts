import { decodeEntities, normaliseText } from '../../scrapers/extract';

/** The full normalisation, with no shortcut for text that is already normal. */
function reference(text: string): string {
  return decodeEntities(text)
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** A small deterministic generator (mulberry32), so a failure names a string that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'Z',
  '9',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  '&',
  '&amp;',
  '&nbsp;',
  '&#x41;',
  '\u00a0',
  'é',
  'ﬁ',
  'Ｘ',
  '\u200b',
  '\u3000',
  '新疆',
  ';',
];

describe('normaliseText', () => {
  it('returns text that is already normal as it is', () => {
    const text = 'We do not source cotton from the Uyghur Region (XUAR), since 2021.';
    expect(normaliseText(text)).toBe(text);
  });

  it('gives the full normalisation for any mix of entities, spaces and compatibility forms', () => {
    const next = random(20261121);
    for (let n = 0; n < 5000; n += 1) {
      const length = Math.floor(next() * 12);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      expect([text, normaliseText(text)]).toEqual([text, reference(text)]);
    }
  });
});
