import { lastWordOf } from './white-space';

/** Abbreviations whose full stop does not end a sentence (lowercase, without the dot). */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'nr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'approx',
  'z.b',
  'd.h',
  'u.a',
  'bzw',
  'ca',
  'usw',
  'vgl',
  'p.ex',
  'cf',
  'env',
  'art',
  'sr',
  'sra',
  'núm',
  'pág',
  'sig',
  'u.s',
  'u.k',
  'fig',
  'ref',
  'vol',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

// A candidate end: Latin terminal punctuation (with closing quotes/brackets) followed by a space.
const LATIN_END = /[.!?…]+["'”’»)\]]*\s+/g;
// CJK terminal punctuation ends a sentence with or without a following space.
const CJK_END = /[。！？]+[」』”’）]*/g;
const HAS_CJK_END = /[。！？]/;

function endsWithAbbreviation(before: string): boolean {
  const lastWord = lastWordOf(before);
  const bare = lastWord
    .replace(/^[("'“‘«]+/, '')
    .replace(/\.+$/, '')
    .toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // Initials ("J. Smith") and single letters.
  return /^\p{Lu}$/u.test(lastWord.replace(/\.$/, ''));
}

function splitLatin(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(LATIN_END)) {
    const end = (match.index ?? 0) + match[0].length;
    const next = text.slice(end, end + 1);
    const before = text.slice(start, (match.index ?? 0) + match[0].trimEnd().length);
    // Only a capital, digit, quote or non-Latin letter opens a new sentence; "e.g. cotton" does not.
    if (!/^[\p{Lu}\p{N}"'“‘«(¿¡]|^[^\p{Script=Latin}\s\p{P}]/u.test(next)) continue;
    if (match[0].trimEnd().endsWith('.') && endsWithAbbreviation(before)) continue;
    parts.push(text.slice(start, end));
    start = end;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits one block of normalised text into sentences (Latin and CJK punctuation). */
export function splitSentences(block: string): string[] {
  const sentences: string[] = [];
  const chunks = HAS_CJK_END.test(block) ? block.replace(CJK_END, '$&\n').split('\n') : [block];
  for (const chunk of chunks) {
    for (const sentence of splitLatin(chunk)) {
      const trimmed = sentence.trim();
      if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push(trimmed);
    }
  }
  return sentences;
}
