import type { ExtractedPage } from '../extract';
import { findCuesInFolded, findTermsInFolded, type TermCategory, type TermHit } from '../lexicon';
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
  /** A name in a list under a statement (see statement-context.ts): the statement introducing it. */
  listedUnder?: string;
}

const NOT_KEY_CHAR = new RegExp(`[^\\p{L}\\p{N}${PLACEHOLDER}]+`, 'gu');

export function toSentenceItem(text: string): SentenceItem {
  const lowered = maskNoise(text);
  const folded = foldMasked(lowered);
  const terms = findTermsInFolded(folded);
  const comparable = terms.length > 0 ? folded : maskCounters(lowered);
  const key = comparable.replace(NOT_KEY_CHAR, ' ').trim();
  const claim = isClaim(key, text);
  return { text, folded, key, terms, strong: terms.some((hit) => makesStatement(hit, claim)) };
}

/**
 * Traceability, assurance and ended-relationship words make a statement in a claim, not in a heading
 * ("Traceability", "Audits").
 */
const CLAIM_ONLY = new Set<TermCategory>(['traceability', 'assurance', 'relationship']);
const CLAIM_MIN_WORDS = 4;
const CLAIM_MIN_SPACELESS_CHARS = 8;
const SPACELESS_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** A sentence of some length, or a short one ended like a sentence ("Audits are unannounced."). */
function isClaim(key: string, text: string): boolean {
  const words = key.split(' ').filter((word) => word.length > 0).length;
  if (words >= CLAIM_MIN_WORDS) return true;
  if ((key.match(SPACELESS_CHARS)?.length ?? 0) >= CLAIM_MIN_SPACELESS_CHARS) return true;
  return words >= 2 && /[.!?。！？]\s*$/.test(text);
}

function makesStatement(hit: TermHit, claim: boolean): boolean {
  return hit.strong && (claim || !CLAIM_ONLY.has(hit.category));
}

/** Consent prompts, shop buttons, copyright lines, and live widgets (stock, countdowns, viewers, prices). */
function isFurnitureSentence(folded: string): boolean {
  return (
    findCuesInFolded(folded, 'boilerplate').length > 0 || findCuesInFolded(folded, 'ephemeral').length > 0
  );
}

/**
 * The sentences worth comparing: furniture sentences go unless they mention the region, and so does anything
 * left without a letter once counters are masked.
 */
export function comparableSentences(sentences: readonly string[]): SentenceItem[] {
  return sentences
    .map(toSentenceItem)
    .filter((item) => /\p{L}/u.test(item.key) && (item.strong || !isFurnitureSentence(item.folded)));
}

/** Interface labels of rendered text are shown but not compared: menus and tiles change without meaning. */
export function withoutLabels(page: ExtractedPage): string[] {
  if (!page.labels?.length) return page.sentences;
  const labels = new Set(page.labels);
  return page.sentences.filter((sentence) => !labels.has(sentence));
}
