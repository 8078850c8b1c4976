/**
 * String similarity of two firms' own names (letters only, no spaces), 0..1. Trigrams forgive a dropped or
 * added syllable; edit distance with transpositions forgives a typo ("Huamie") that costs a short name
 * most of its trigrams.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return Math.max(trigramSimilarity(a, b), editSimilarity(a, b));
}

/** Jaccard similarity of padded trigram sets, as Postgres pg_trgm computes it for one word. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index += 1) grams.add(padded.slice(index, index + 3));
  return grams;
}

/** 1 - (optimal string alignment distance / longer length). */
export function editSimilarity(a: string, b: string): number {
  return 1 - alignmentDistance(a, b) / Math.max(a.length, b.length);
}

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other. */
export function alignmentDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const distance: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => distance[i * cols + j];
  for (let i = 0; i < rows; i += 1) distance[i * cols] = i;
  for (let j = 0; j < cols; j += 1) distance[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      distance[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
