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
 * Masks, in every sentence, what changes without meaning anything: prices, clock times, copyright years and
 * machine tokens. The result is lowercased but not yet folded (numeric dates still have their slashes).
 */
export function maskNoise(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(COPYRIGHT, PLACEHOLDER)
    .replace(PRICE, PLACEHOLDER)
    .replace(TIME, PLACEHOLDER)
    .replace(TOKEN, PLACEHOLDER);
}

/** Folds for matching and masks dates that follow a publication label. */
export function foldMasked(lowered: string): string {
  return maskPublicationDates(foldForMatch(lowered));
}

const NUMERIC_DATE = /\b\d{1,4}([./-])\d{1,2}\1\d{1,4}\b|\b\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}t[\d:.]+z?/g;
const NUMBER_BEFORE = /\d+(?:[.,]\d+)*[\s,.]{0,2}$/;
const NUMBER_AFTER = /^[\s,.]{0,2}\d+(?:[.,]\d+)*/;

/**
 * For sentences without a lexicon term only: also masks dates and counters, i.e. numeric dates and numbers
 * next to a month, weekday, time unit or counter word ("2 February 2024", "3 days ago", "1,234 views").
 * Bare numbers stay: "120 stores" becoming "135 stores" is still a change to the text.
 */
export function maskCounters(lowered: string): string {
  const folded = foldMasked(lowered.replace(NUMERIC_DATE, PLACEHOLDER));
  const spans = getLexicon()
    .dateWords.findInFolded(folded)
    .flatMap((hit) => {
      const before = NUMBER_BEFORE.exec(folded.slice(0, hit.index))?.[0] ?? '';
      const after = NUMBER_AFTER.exec(folded.slice(hit.index + hit.text.length))?.[0] ?? '';
      if (!/\d/.test(before + after)) return [];
      return [{ index: hit.index - before.length, length: before.length + hit.text.length + after.length }];
    });
  return replaceSpans(folded, mergeSpans(spans));
}

function mergeSpans(spans: { index: number; length: number }[]): { index: number; length: number }[] {
  const merged: { index: number; length: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.index - b.index)) {
    const last = merged[merged.length - 1];
    if (last && span.index <= last.index + last.length) {
      last.length = Math.max(last.length, span.index + span.length - last.index);
    } else merged.push({ ...span });
  }
  return merged;
}
