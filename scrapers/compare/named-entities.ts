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

export function namesIn(text: string): string[] {
  const names: string[] = [];
  const skip = firstWordEnd(text);
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    if ((match.index ?? 0) < skip) continue;
    names.push(match[0].replace(/[.,]+$/, ''));
  }
  for (const match of text.matchAll(CJK_COMPANY)) names.push(match[0]);
  return names;
}

function respelt(name: string, others: readonly string[]): boolean {
  const key = name.toLowerCase();
  return others.some(
    (other) => editDistanceWithin(key, other.toLowerCase(), RESPELLING_DISTANCE) <= RESPELLING_DISTANCE,
  );
}

/** Names one side has that the other lacks (respellings of a name on the other side left out). */
export function changedNames(before: string, after: string): { dropped: string[]; added: string[] } {
  const old = namesIn(before);
  const now = namesIn(after);
  return {
    dropped: old.filter((name) => !now.includes(name) && !respelt(name, now)),
    added: now.filter((name) => !old.includes(name) && !respelt(name, old)),
  };
}
