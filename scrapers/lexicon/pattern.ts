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

type StartKind = 'word' | 'inside' | 'anywhere';

interface CompiledPattern {
  start: StartKind;
  /** The pattern without its start condition, which is shared by its bucket's regular expression. */
  body: string;
}

/**
 * Turns `*uyghur*`-style syntax into regular-expression source that respects word boundaries. A star inside
 * ("chaine* d'approvisionnement") lets that word continue too.
 */
export function compilePattern(raw: string): CompiledPattern {
  const leadingStar = raw.startsWith('*');
  const trailingStar = raw.endsWith('*') && raw.length > 1;
  const core = foldForMatch(raw.replace(/^\*|\*$/g, ''));
  const spaceless = SPACELESS.test(core);
  const startsWord = /^[\p{L}\p{N}]/u.test(core);
  const endsWord = /[\p{L}\p{N}]$/u.test(core);
  const middle = core.split('*').map(escapeRegExp).join(`${WORD_CHAR}*`);
  const end = trailingStar ? `${WORD_CHAR}*` : !spaceless && endsWord ? `(?!${WORD_CHAR})` : '';
  const start: StartKind = leadingStar ? 'inside' : !spaceless && startsWord ? 'word' : 'anywhere';
  return { start, body: `${middle}${end}` };
}

// "inside" patterns are searched anywhere and widened to the whole word afterwards: a leading
// `[\p{L}]*` in the expression would backtrack through every alternative at every letter.
const START_SOURCE: Record<StartKind, string> = {
  word: `(?<!${WORD_CHAR})`,
  inside: '',
  anywhere: '',
};
const WORD_CHAR_TEST = /[\p{L}\p{N}]/u;

function wordStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && WORD_CHAR_TEST.test(text[start - 1])) start--;
  return start;
}

interface Bucket<E> {
  regex: RegExp;
  entries: E[];
  widenToWordStart: boolean;
}

/**
 * Many patterns compiled into a few alternations (longest first), one per kind of start, so the word-boundary
 * check runs once per position rather than once per pattern; the capture group that matched names the entry.
 */
export class PatternSet<E extends PatternEntry> {
  private readonly buckets: Bucket<E>[] = [];

  /** `rawPatterns[i]` is the pattern of `entries[i]`. */
  constructor(entries: readonly E[], rawPatterns: readonly string[]) {
    const grouped = new Map<StartKind, { body: string; entry: E }[]>();
    rawPatterns.forEach((raw, index) => {
      const { start, body } = compilePattern(raw);
      const list = grouped.get(start) ?? [];
      list.push({ body, entry: entries[index] });
      grouped.set(start, list);
    });
    for (const [start, list] of grouped) {
      list.sort((a, b) => b.body.length - a.body.length);
      const alternatives = list.map(({ body }) => `(${body})`).join('|');
      this.buckets.push({
        regex: new RegExp(`${START_SOURCE[start]}(?:${alternatives})`, 'gu'),
        entries: list.map(({ entry }) => entry),
        widenToWordStart: start === 'inside',
      });
    }
  }

  /** Every hit in text that has already been through foldForMatch, in reading order. */
  findInFolded(folded: string): PatternHit<E>[] {
    const hits: PatternHit<E>[] = [];
    for (const { regex, entries, widenToWordStart } of this.buckets) {
      for (const match of folded.matchAll(regex)) {
        const group = match.findIndex((value, index) => index > 0 && value !== undefined);
        if (group <= 0) continue;
        const end = (match.index ?? 0) + match[0].length;
        const index = widenToWordStart ? wordStart(folded, match.index ?? 0) : (match.index ?? 0);
        hits.push({ entry: entries[group - 1], text: folded.slice(index, end), index });
      }
    }
    return hits.sort((a, b) => a.index - b.index);
  }

  find(text: string): PatternHit<E>[] {
    return this.findInFolded(foldForMatch(text));
  }
}
