import { CHINESE_PLACE_NAMES, LATIN_PLACE_NAMES } from './places';
import { isPinyinWord } from './pinyin-syllables';
import { foldText, toPinyin } from './romanise';
import { alignmentDistance } from './similarity';
import { toSimplified } from './traditional';
import {
  ABBREVIATIONS,
  CHINESE_GENERIC,
  CHINESE_LINES,
  CHINESE_UNIT_WORDS,
  LATIN_GENERIC_WORDS,
  LATIN_LINES,
  LATIN_UNIT_NAMES,
  LineOfBusiness,
  ORDINAL_WORDS,
  XPCC_CHINESE,
  XPCC_LATIN_PHRASES,
  XPCC_TOKEN,
} from './vocabulary';

/** One recognised piece of a name or address, in reading order. */
export type Piece =
  | { kind: 'core'; value: string }
  | { kind: 'place'; value: string }
  | { kind: 'line'; value: LineOfBusiness }
  | { kind: 'number'; value: string }
  | { kind: 'unit' }
  | { kind: 'generic' };

const HAN = /[\u3400-\u9fff]/;
const RUNS = /[\u3400-\u9fff]+|[a-z0-9]+/g;
const LONGEST_LATIN_PHRASE = 5;

/** Street and park names after cities ("Beijing Road", 上海路) are not where a facility is. */
const LATIN_STREET_WORDS = new Set([
  'road',
  'rd',
  'street',
  'st',
  'avenue',
  'ave',
  'lu',
  'jie',
  'dadao',
  'blvd',
]);
const LATIN_DIRECTIONS = new Set([
  'east',
  'west',
  'north',
  'south',
  'middle',
  'dong',
  'xi',
  'nan',
  'bei',
  'zhong',
]);
const CHINESE_STREET = /^((东|西|南|北|中)?(路|街|大道|大街)|工业园|产业园)/;
const CHINESE_ORDINAL = /^第?([一二三四五六七八九十]+|\d+)(师|团|分厂|厂)/;
const CHINESE_NUMERALS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads a name or an address into pieces: the firm's own words, places, line of business, numbers. */
export function readPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const latinRun: string[] = [];
  const flushLatin = () => {
    pieces.push(...readLatin(latinRun.splice(0)));
  };
  for (const [run] of foldText(text).matchAll(RUNS)) {
    if (HAN.test(run)) {
      flushLatin();
      pieces.push(...readChinese(toSimplified(run)));
    } else {
      latinRun.push(run);
    }
  }
  flushLatin();
  return pieces;
}

function readLatin(rawWords: string[]): Piece[] {
  const words = rawWords.map((word) => ABBREVIATIONS.get(word) ?? ORDINAL_WORDS.get(word) ?? word);
  const pieces: Piece[] = [];
  let index = 0;
  while (index < words.length) {
    const found = latinPhraseAt(words, index) ?? knownVariantAt(words, index);
    if (found) {
      pieces.push(found.piece);
      index += found.length;
      continue;
    }
    const word = words[index];
    // 厂 in pinyin closes a name ("Shengli Zhahua Chang"); elsewhere "chang" is a syllable of the name.
    if (word === 'chang' && index > 0 && index === words.length - 1) {
      pieces.push({ kind: 'unit' });
      break;
    }
    const ordinal = /^(\d+)(st|nd|rd|th)?$/.exec(word);
    pieces.push(
      ordinal ? { kind: 'number', value: String(Number(ordinal[1])) } : { kind: 'core', value: word },
    );
    index += 1;
  }
  return pieces;
}

/** The longest dictionary phrase starting at `index`, trying pinyin written with and without spaces. */
function latinPhraseAt(words: string[], index: number): { piece: Piece; length: number } | undefined {
  for (let length = Math.min(LONGEST_LATIN_PHRASE, words.length - index); length >= 1; length -= 1) {
    const span = words.slice(index, index + length);
    const spaced = span.join(' ');
    const joined = span.join('');
    if (XPCC_LATIN_PHRASES.includes(spaced)) return { piece: { kind: 'core', value: XPCC_TOKEN }, length };
    const place = LATIN_PLACE_NAMES.get(spaced) ?? LATIN_PLACE_NAMES.get(joined);
    if (place) {
      const streetLength = latinStreetAfter(words, index + length);
      if (streetLength) return { piece: { kind: 'generic' }, length: length + streetLength };
      return { piece: { kind: 'place', value: place }, length };
    }
    const lineOfBusiness = LATIN_LINES.get(joined);
    if (lineOfBusiness) return { piece: { kind: 'line', value: lineOfBusiness }, length };
    if (LATIN_UNIT_NAMES.has(joined)) return { piece: { kind: 'unit' }, length };
    if (LATIN_GENERIC_WORDS.has(spaced) || LATIN_GENERIC_WORDS.has(joined))
      return { piece: { kind: 'generic' }, length };
  }
  return undefined;
}

/** A plural or a one-letter typo of a word we know ("Accessory" beside "Accessories", "Garmnet"). */
function knownVariantAt(words: string[], index: number): { piece: Piece; length: number } | undefined {
  for (const variant of [...singulars(words[index]), vocabularyTypo(words[index])]) {
    if (!variant) continue;
    const found = latinPhraseAt([...words.slice(0, index), variant, ...words.slice(index + 1)], index);
    if (found) return found;
  }
  return undefined;
}

/** English singulars to try: accessories -> accessory, wools -> wool, processes -> process. */
function singulars(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s')) return [];
  const forms = [word.slice(0, -1)];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  return forms;
}

/** How many words after a place make it a street ("West Road"), or 0. */
function latinStreetAfter(words: string[], index: number): number {
  if (LATIN_STREET_WORDS.has(words[index])) return 1;
  // Parks named after the provinces that fund them ("Beijing Industrial Park" in Lop County).
  if (words[index] === 'park') return 1;
  if (/^industr(ial|y)$/.test(words[index] ?? '') && words[index + 1] === 'park') return 2;
  if (LATIN_DIRECTIONS.has(words[index]) && LATIN_STREET_WORDS.has(words[index + 1])) return 2;
  if (/^(xi|dong|nan|bei|zhong)lu$/.test(words[index] ?? '')) return 1;
  return 0;
}

type ChineseMatch = { piece: Piece; length: number };

function readChinese(run: string): Piece[] {
  const pieces: Piece[] = [];
  let core = '';
  const flushCore = () => {
    if (core) pieces.push({ kind: 'core', value: toPinyin(core) });
    core = '';
  };
  let index = 0;
  while (index < run.length) {
    const found = chineseWordAt(run, index);
    if (!found) {
      core += run[index];
      index += 1;
      continue;
    }
    flushCore();
    pieces.push(found.piece);
    index += found.length;
  }
  flushCore();
  return pieces;
}

function chineseWordAt(run: string, index: number): ChineseMatch | undefined {
  const rest = run.slice(index);
  const ordinal = CHINESE_ORDINAL.exec(rest);
  if (ordinal)
    return { piece: { kind: 'number', value: String(chineseNumber(ordinal[1])) }, length: ordinal[0].length };
  const candidates: ChineseMatch[] = [];
  for (const word of XPCC_CHINESE) {
    if (rest.startsWith(word))
      candidates.push({ piece: { kind: 'core', value: XPCC_TOKEN }, length: word.length });
  }
  for (const [name, place] of CHINESE_PLACE_NAMES) {
    if (!rest.startsWith(name)) continue;
    const street = CHINESE_STREET.exec(rest.slice(name.length));
    candidates.push(
      street
        ? { piece: { kind: 'generic' }, length: name.length + street[0].length }
        : { piece: { kind: 'place', value: place }, length: name.length },
    );
  }
  for (const [word, lineOfBusiness] of CHINESE_LINES) {
    if (rest.startsWith(word))
      candidates.push({ piece: { kind: 'line', value: lineOfBusiness }, length: word.length });
  }
  for (const word of CHINESE_UNIT_WORDS) {
    if (rest.startsWith(word)) candidates.push({ piece: { kind: 'unit' }, length: word.length });
  }
  for (const word of CHINESE_GENERIC) {
    if (rest.startsWith(word)) candidates.push({ piece: { kind: 'generic' }, length: word.length });
  }
  return candidates.sort((a, b) => b.length - a.length)[0];
}

function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  // 十 alone is 10, 十四 is 14, 二十 is 20, 二十一 is 21.
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const tensValue = text.includes('十') ? (CHINESE_NUMERALS[tens] ?? 1) * 10 : 0;
  return tensValue + (CHINESE_NUMERALS[ones] ?? 0);
}

/**
 * English trade and legal words and place names worth recognising through a typo ("Textlie", "Limted",
 * "Kashger"): five letters or more and not pinyin, so no firm's own pinyin name is taken for one.
 */
const TYPO_TARGETS: readonly string[] = [
  ...[...LATIN_LINES.keys(), ...LATIN_GENERIC_WORDS, ...LATIN_UNIT_NAMES].filter((word) => word.length >= 6),
  // Place names too ("Kashger", "Hoten"), from five letters: none of those is pinyin either.
  ...[...LATIN_PLACE_NAMES.keys()].filter((name) => name.length >= 5),
].filter((word) => /^[a-z]+$/.test(word) && !isPinyinWord(word));

function vocabularyTypo(word: string): string | undefined {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || isPinyinWord(word)) return undefined;
  // Six letters or more for a trade or legal word; place names from five (Hotan, Korla), exact length.
  return TYPO_TARGETS.find(
    (target) =>
      Math.abs(target.length - word.length) <= (word.length >= 6 ? 1 : 0) &&
      alignmentDistance(target, word) === 1,
  );
}
