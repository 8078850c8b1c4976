import { editDistanceWithin } from './similarity';

/**
 * Names in a sentence: runs of capitalised words after the first word (Latin scripts), and Chinese or
 * Japanese company names (the run of characters before a company-form suffix). Good enough to notice that
 * "Tianmu Yarn Group" left a sentence; not an entity recogniser.
 */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*)*/gu;
const CJK_COMPANY =
  /[\p{Script=Han}\p{Script=Katakana}]{2,12}?(?:股份有限公司|有限公司|集团|集團|控股|公司|株式会社|纺织|紡織|纱线|紗線|工厂|工廠)/gu;
/** A name this close to one on the other side is the same name, respelt. */
const RESPELLING_DISTANCE = 2;

function firstWordEnd(text: string): number {
  return /^\s*\S+/u.exec(text)?.[0].length ?? 0;
}

/**
 * German capitalises every noun, so a lone capitalised word is a name only where names are expected (a
 * sentence about ended relationships); elsewhere a name is a run of two or more capitalised words.
 */
export function namesIn(text: string, singleWords = true): string[] {
  const names: string[] = [];
  const skip = firstWordEnd(text);
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    if ((match.index ?? 0) < skip) continue;
    const name = match[0].replace(/[.,]+$/, '');
    if (singleWords || /\s/.test(name)) names.push(name);
  }
  // A run of Han characters starts wherever the previous word ended: drop the conjunctions before the name.
  for (const match of text.matchAll(CJK_COMPANY)) names.push(match[0].replace(/^[和与與及跟同、以]+/u, ''));
  return names;
}

function respelt(name: string, others: readonly string[]): boolean {
  const key = name.toLowerCase();
  return others.some(
    (other) => editDistanceWithin(key, other.toLowerCase(), RESPELLING_DISTANCE) <= RESPELLING_DISTANCE,
  );
}

/**
 * Names one side has that the other lacks anywhere in its text, in any case (a name that moved to the start of
 * the sentence is still there), leaving out respellings of a name on the other side.
 */
export function changedNames(
  before: string,
  after: string,
  singleWords: boolean,
): { dropped: string[]; added: string[] } {
  const old = namesIn(before, singleWords);
  const now = namesIn(after, singleWords);
  const lacks = (text: string, names: readonly string[]) => (name: string) =>
    !text.toLowerCase().includes(name.toLowerCase()) && !respelt(name, names);
  return { dropped: old.filter(lacks(after, now)), added: now.filter(lacks(before, old)) };
}
