import { foldForMatch } from './fold';

/** One lexicon entry compiled for matching; `label` is what reports show (the entry without wildcards). */
export interface PatternEntry {
  label: string;
  group: string;
  language: string;
}

export interface PatternHit<E extends PatternEntry> {
  entry: E;
  text: string;
  index: number;
}

const WORD_CHAR = '[\\p{L}\\p{N}]';
// Scripts written without spaces between words: a boundary check would miss nearly every occurrence.
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns `*uyghur*`-style syntax into a regular-expression source that respects word boundaries. */
export function patternSource(raw: string): string {
  const leadingStar = raw.startsWith('*');
  const trailingStar = raw.endsWith('*') && raw.length > 1;
  const core = foldForMatch(raw.replace(/^\*|\*$/g, ''));
  const spaceless = SPACELESS.test(core);
  const startsWord = /^[\p{L}\p{N}]/u.test(core);
  const endsWord = /[\p{L}\p{N}]$/u.test(core);
  const start = leadingStar ? `${WORD_CHAR}*` : !spaceless && startsWord ? `(?<!${WORD_CHAR})` : '';
  const end = trailingStar ? `${WORD_CHAR}*` : !spaceless && endsWord ? `(?!${WORD_CHAR})` : '';
  return `${start}${escapeRegExp(core)}${end}`;
}

/**
 * Many patterns compiled into one alternation (longest first), so a sentence is scanned once per pattern set;
 * the capture group that matched tells which entry it was.
 */
export class PatternSet<E extends PatternEntry> {
  private readonly regex: RegExp | undefined;
  private readonly ordered: E[];

  /** `rawPatterns[i]` is the pattern of `entries[i]`. */
  constructor(entries: readonly E[], rawPatterns: readonly string[]) {
    const order = rawPatterns
      .map((_, index) => index)
      .sort((a, b) => rawPatterns[b].length - rawPatterns[a].length);
    this.ordered = order.map((index) => entries[index]);
    const sources = order.map((index) => `(${patternSource(rawPatterns[index])})`);
    this.regex = sources.length > 0 ? new RegExp(sources.join('|'), 'gu') : undefined;
  }

  /** Every hit in text that has already been through foldForMatch. */
  findInFolded(folded: string): PatternHit<E>[] {
    if (!this.regex) return [];
    const hits: PatternHit<E>[] = [];
    for (const match of folded.matchAll(this.regex)) {
      const group = match.findIndex((value, index) => index > 0 && value !== undefined);
      if (group > 0) hits.push({ entry: this.ordered[group - 1], text: match[0], index: match.index ?? 0 });
    }
    return hits;
  }

  find(text: string): PatternHit<E>[] {
    return this.findInFolded(foldForMatch(text));
  }
}
