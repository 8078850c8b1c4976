import { SLUG_MAX_LENGTH } from './identifiers';

/** Letters that Unicode decomposition does not reduce to ASCII but readers expect spelled out. */
const SPELLED_OUT: Record<string, string> = {
  '&': ' and ',
  '+': ' plus ',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * A URL slug from a name: "Marks & Spencer" -> "marks-and-spencer", "Hennes & Mauritz" ->
 * "hennes-and-mauritz", "Société Générale" -> "societe-generale". Names with no Latin letters (e.g. "李宁")
 * give an empty string: the caller then falls back to a generic base and de-duplicates.
 */
export function slugify(name: string): string {
  const spelled = [...name.toLowerCase()].map((char) => SPELLED_OUT[char] ?? char).join('');
  return spelled
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH - 6)
    .replace(/-+$/g, '');
}
