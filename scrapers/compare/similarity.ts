const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Word tokens, with runs of Chinese or Japanese broken into character bigrams (they have no spaces). */
export function similarityTokens(key: string): string[] {
  const tokens: string[] = [];
  for (const word of key.split(' ')) {
    if (!word) continue;
    if (!SPACELESS_CHAR.test(word)) {
      tokens.push(word);
      continue;
    }
    const chars = Array.from(word);
    if (chars.length === 1) tokens.push(word);
    for (let index = 0; index + 1 < chars.length; index++) tokens.push(chars[index] + chars[index + 1]);
  }
  return tokens;
}

/** Dice coefficient over token multisets, 0..1. */
export function similarity(a: string, b: string): number {
  const left = similarityTokens(a);
  const right = similarityTokens(b);
  if (left.length + right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of right) {
    const count = counts.get(token) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(token, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Character edit distance, stopping early once it exceeds limit (returns limit + 1). */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
