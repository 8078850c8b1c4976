import { foldForMatch, getLexicon } from '../lexicon';

/** Stands in for masked dates, numbers, prices and tokens; neither a letter nor a digit. */
export const PLACEHOLDER = '\ue000';

const PRICE =
  /(?:[$€£¥₺₩₹]\s?\d[\d.,'\s]*\d|[$€£¥₺₩₹]\s?\d|\d[\d.,']*\s?(?:€|\$|£|¥|₺|₩|₹|eur|usd|gbp|chf|tl|円|元|yen)(?![a-z]))/gi;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?/gi;
const COPYRIGHT = /(?:©|\(c\)|copyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?|\d{4}(?:\s*[-–]\s*\d{4})?\s*©/gi;
// Session ids, hashes, UUIDs and other machine tokens: long runs mixing letters and digits.
const TOKEN = /(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{12,}|\b[0-9a-f]{8,}\b/gi;

function replaceSpans(text: string, spans: { index: number; length: number }[]): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.index - a.index)) {
    result = result.slice(0, span.index) + PLACEHOLDER + result.slice(span.index + span.length);
  }
  return result;
}

/** The date after a publication label ("updated 3 March 2024", "更新日期：2024年3月3日"). */
function maskPublicationDates(folded: string): string {
  const lexicon = getLexicon();
  const spans: { index: number; length: number }[] = [];
  for (const hit of lexicon.publicationLabels.findInFolded(folded)) {
    const start = hit.index + hit.text.length;
    const rest = folded.slice(start);
    const lead = /^[\s:：,]*(?:on\s+|le\s+|am\s+|el\s+|il\s+|日期\s*[:：]?\s*)?/.exec(rest)?.[0] ?? '';
    let end = lead.length;
    let sawDigit = false;
    for (const token of rest.slice(lead.length).matchAll(/[^\s]+\s*/g)) {
      const word = token[0].trim().replace(/[,.]$/, '');
      const isDate = /^[\d.,/\-年月日号]+$/.test(word) || lexicon.dateWords.findInFolded(word).length > 0;
      if (!isDate) break;
      sawDigit ||= /\d/.test(word);
      end = lead.length + (token.index ?? 0) + token[0].length;
    }
    if (sawDigit) spans.push({ index: start, length: end });
  }
  return replaceSpans(folded, spans);
}

/**
 * Folds a sentence for comparison and masks what changes without meaning anything, in every sentence:
 * prices, clock times, copyright years, machine tokens, publication dates.
 */
export function foldAndMaskNoise(sentence: string): string {
  const lowered = sentence.toLowerCase();
  const masked = lowered
    .replace(COPYRIGHT, PLACEHOLDER)
    .replace(PRICE, PLACEHOLDER)
    .replace(TIME, PLACEHOLDER)
    .replace(TOKEN, PLACEHOLDER);
  return maskPublicationDates(foldForMatch(masked));
}

/**
 * Also masks every number and date word: only for sentences without a lexicon term, where a changed number
 * is a date, a counter or a stock level rather than a deadline or a share of the supply chain.
 */
export function maskCounters(folded: string): string {
  const words = getLexicon()
    .dateWords.findInFolded(folded)
    .map((hit) => ({ index: hit.index, length: hit.text.length }));
  return replaceSpans(folded, words).replace(/\d+(?:[.,]\d+)*/g, PLACEHOLDER);
}
