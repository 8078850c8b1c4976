import { diffTexts, hasChanges, splitSentences } from '../../src/staff/review/text-diff';

describe('the side-by-side diff of two page texts', () => {
  it('marks only the words that changed inside an edited sentence', () => {
    const rows = diffTexts(
      'We do not source cotton from the region.',
      'We aim to reduce sourcing cotton from the region.',
    );
    expect(rows).toEqual([
      {
        kind: 'change',
        before: [
          { kind: 'same', text: 'We ' },
          { kind: 'del', text: 'do not source ' },
          { kind: 'same', text: 'cotton from the region.' },
        ],
        after: [
          { kind: 'same', text: 'We ' },
          { kind: 'ins', text: 'aim to reduce sourcing ' },
          { kind: 'same', text: 'cotton from the region.' },
        ],
      },
    ]);
  });

  it('shows added and removed sentences whole, on their own side', () => {
    const rows = diffTexts('Intro. Old claim.', 'Intro. Old claim. New promise.');
    expect(rows).toEqual([
      { kind: 'same', text: 'Intro.' },
      { kind: 'same', text: 'Old claim.' },
      { kind: 'change', before: [], after: [{ kind: 'ins', text: 'New promise.' }] },
    ]);
    expect(diffTexts('A. B.', 'A.')).toContainEqual({
      kind: 'change',
      before: [{ kind: 'del', text: 'B.' }],
      after: [],
    });
  });

  it('folds long unchanged stretches into a gap, keeping one sentence of context', () => {
    const same = Array.from({ length: 10 }, (_, index) => `Sentence ${index}.`).join(' ');
    const rows = diffTexts(`${same} Last one.`, `${same} Last two.`);
    expect(rows[0]).toEqual({ kind: 'gap', skipped: 9 });
    expect(rows[1]).toEqual({ kind: 'same', text: 'Sentence 9.' });
    expect(rows[2].kind).toBe('change');
  });

  it('finds nothing to show when only whitespace differs', () => {
    expect(hasChanges(diffTexts('One.  Two.\n\nThree.', 'One. Two. Three.'))).toBe(false);
  });

  it('splits sentences at full stops and at CJK sentence ends', () => {
    expect(splitSentences('我们不采购新疆棉花。我们审核供应商。 Done.')).toEqual([
      '我们不采购新疆棉花。',
      '我们审核供应商。',
      'Done.',
    ]);
  });
});
