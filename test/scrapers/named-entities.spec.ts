import { changedNames } from '../../scrapers/compare/named-entities';

describe('names dropped from or added to a statement', () => {
  it('finds a group dropped from an enumeration', () => {
    const before =
      'We have ended business with Halvorsen Spinning, Tianmu Yarn Group and Qilin Textile Holdings.';
    const after = 'We have ended business with Halvorsen Spinning and Qilin Textile Holdings.';
    expect(changedNames(before, after, true)).toEqual({ dropped: ['Tianmu Yarn Group'], added: [] });
  });

  it('finds Chinese company names by their company-form suffix', () => {
    expect(
      changedNames(
        '我们已终止与华澜纺织有限公司和天目集团的合作。',
        '我们已终止与华澜纺织有限公司的合作。',
        true,
      ).dropped,
    ).toEqual(['天目集团']);
  });

  it('does not count a name that moved to the start of the sentence, or one respelt', () => {
    expect(
      changedNames(
        'We, Northwind Outfitters, do not source from Xinjiang.',
        'Northwind Outfitters does not source from Xinjiang.',
        false,
      ),
    ).toEqual({
      dropped: [],
      added: [],
    });
    expect(
      changedNames(
        'We ended business with Halvorson Spinning.',
        'We ended business with Halvorsen Spinning.',
        true,
      ),
    ).toEqual({
      dropped: [],
      added: [],
    });
  });

  it('leaves lone capitalised words (German nouns) alone outside sentences about ended relationships', () => {
    const before = 'Wir verlangen von allen Lieferanten eine Erklärung gegen Zwangsarbeit.';
    const after = 'Wir verlangen von allen Lieferanten eine Bestätigung gegen Zwangsarbeit.';
    expect(changedNames(before, after, false)).toEqual({ dropped: [], added: [] });
  });
});
