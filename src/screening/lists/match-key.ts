import type { NameProfile } from '../matching/profile';

/**
 * What Postgres compares by trigram to find candidate pairs: the firm's own name in Latin letters, or for a
 * name made only of a trade and a place ("Lop County Hair Products"), those words, so such names still meet.
 */
export function matchKey(name: NameProfile): string {
  if (name.compact) return name.compact;
  return [...name.lines.map((entry) => entry.line), ...name.places].join(' ');
}
