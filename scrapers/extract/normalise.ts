const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  euro: '€',
};

/**
 * Decodes entities left in text: the parser decodes markup once, but CMSs often double-encode ("&amp;nbsp;"),
 * and text from other sources may carry raw entities.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Anything but printable ASCII and ASCII white space. */
const NOT_PLAIN_ASCII = /[^\t-\r -~]/;

/**
 * What text that is already normal cannot hold: a character other than printable ASCII without "&", two
 * spaces in a row, or a space at either end. One scan with no copy settles most paragraphs of most pages.
 */
const MAY_NEED_WORK = /[^ -%'-~]| {2}|^ | $/;

/** Entities, compatibility forms (full-width letters, ligatures), invisible characters and whitespace. */
export function normaliseText(text: string): string {
  if (!MAY_NEED_WORK.test(text)) return text;
  const decoded = decodeEntities(text);
  // Plain ASCII has no compatibility forms, invisible characters or non-ASCII spaces: skip those passes.
  if (!NOT_PLAIN_ASCII.test(decoded)) return decoded.replace(/\s+/g, ' ').trim();
  return decoded
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}
