import type { ExtractedPage } from '../extract';
import { findCuesInFolded, findTermsInFolded, type TermHit } from '../lexicon';
import { foldMasked, maskCounters, maskNoise, PLACEHOLDER } from './mask';

/** A sentence ready for comparison: what the page shows, and what is compared. */
export interface SentenceItem {
  text: string;
  /** Folded, with always-noise masked: what edit rules read. */
  folded: string;
  /** Comparison key: folded, counters masked when no term is present, punctuation dropped. */
  key: string;
  terms: TermHit[];
  /** Mentions the region, forced labour, labour transfers or an initiative against them. */
  strong: boolean;
}

const NOT_KEY_CHAR = new RegExp(`[^\\p{L}\\p{N}${PLACEHOLDER}]+`, 'gu');

export function toSentenceItem(text: string): SentenceItem {
  const lowered = maskNoise(text);
  const folded = foldMasked(lowered);
  const terms = findTermsInFolded(folded);
  const comparable = terms.length > 0 ? folded : maskCounters(lowered);
  const key = comparable.replace(NOT_KEY_CHAR, ' ').trim();
  return { text, folded, key, terms, strong: terms.some((hit) => hit.strong) };
}

/**
 * The sentences worth comparing: consent prompts, shop buttons and copyright lines go unless they mention
 * the region, and so does anything left without a letter once counters are masked.
 */
export function comparableSentences(sentences: readonly string[]): SentenceItem[] {
  return sentences
    .map(toSentenceItem)
    .filter(
      (item) =>
        /\p{L}/u.test(item.key) && (item.strong || findCuesInFolded(item.folded, 'boilerplate').length === 0),
    );
}

/** Interface labels of rendered text are shown but not compared: menus and tiles change without meaning. */
export function withoutLabels(page: ExtractedPage): string[] {
  if (!page.labels?.length) return page.sentences;
  const labels = new Set(page.labels);
  return page.sentences.filter((sentence) => !labels.has(sentence));
}
