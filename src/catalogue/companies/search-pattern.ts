/**
 * A LIKE pattern matching `q` anywhere in catalogue_search_text(name, aliases), which is lower-cased.
 * LIKE's wildcards in the query are escaped so "50%" means the characters, not "50 then anything".
 */
export function containsPattern(q: string): string {
  return `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
