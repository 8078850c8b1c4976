import { foldForMatch } from './fold';
import { getLexicon } from './load-lexicon';
import type { CueKind, TermHit } from './lexicon.types';

/** Lexicon terms in a piece of text, one hit per occurrence, in reading order. */
export function findTerms(text: string): TermHit[] {
  return findTermsInFolded(foldForMatch(text));
}

export function findTermsInFolded(folded: string): TermHit[] {
  return getLexicon()
    .terms.findInFolded(folded)
    .sort((a, b) => a.index - b.index)
    .map(({ entry, text }) => ({
      term: text,
      label: entry.label,
      category: entry.group,
      weight: entry.weight,
      strong: entry.strong,
    }));
}

/** Labels of the cues of one kind found in already-folded text (repeats kept: counts matter). */
export function findCuesInFolded(folded: string, kind: CueKind): string[] {
  return getLexicon()
    .cues[kind].findInFolded(folded)
    .map((hit) => hit.entry.label);
}

export function hasCue(text: string, kind: CueKind): boolean {
  return findCuesInFolded(foldForMatch(text), kind).length > 0;
}
