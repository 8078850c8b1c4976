import type { SentenceItem } from './sentence-items';
import { similarity } from './similarity';

export interface SentenceDiff {
  removed: SentenceItem[];
  added: SentenceItem[];
}

export interface EditPair {
  before: SentenceItem;
  after: SentenceItem;
}

/** Sentences compared as multisets of keys: moving a paragraph is no change, duplicating one is. */
export function diffSentences(before: readonly SentenceItem[], after: readonly SentenceItem[]): SentenceDiff {
  const remaining = new Map<string, number>();
  for (const item of after) remaining.set(item.key, (remaining.get(item.key) ?? 0) + 1);
  const removed: SentenceItem[] = [];
  for (const item of before) {
    const count = remaining.get(item.key) ?? 0;
    if (count > 0) remaining.set(item.key, count - 1);
    else removed.push(item);
  }
  const unmatched = new Map<string, number>();
  for (const item of before) unmatched.set(item.key, (unmatched.get(item.key) ?? 0) + 1);
  const added: SentenceItem[] = [];
  for (const item of after) {
    const count = unmatched.get(item.key) ?? 0;
    if (count > 0) unmatched.set(item.key, count - 1);
    else added.push(item);
  }
  return { removed, added };
}

/** Two sentences this alike are one sentence edited rather than one removed and another added. */
const EDIT_SIMILARITY = 0.5;
/** Beyond this many comparisons (a rewritten page) sentences stay unpaired: each is judged on its own. */
const MAX_COMPARISONS = 40000;

/** Pairs removed with added sentences, most similar first, so edits can be judged as edits. */
export function pairEdits(diff: SentenceDiff): {
  pairs: EditPair[];
  removed: SentenceItem[];
  added: SentenceItem[];
} {
  if (diff.removed.length * diff.added.length > MAX_COMPARISONS) {
    return { pairs: [], removed: diff.removed, added: diff.added };
  }
  const candidates: { i: number; j: number; score: number }[] = [];
  diff.removed.forEach((before, i) =>
    diff.added.forEach((after, j) => {
      const score = similarity(before.key, after.key);
      if (score >= EDIT_SIMILARITY) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: EditPair[] = [];
  for (const { i, j } of candidates) {
    if (usedBefore.has(i) || usedAfter.has(j)) continue;
    usedBefore.add(i);
    usedAfter.add(j);
    pairs.push({ before: diff.removed[i], after: diff.added[j] });
  }
  return {
    pairs,
    removed: diff.removed.filter((_, i) => !usedBefore.has(i)),
    added: diff.added.filter((_, j) => !usedAfter.has(j)),
  };
}
