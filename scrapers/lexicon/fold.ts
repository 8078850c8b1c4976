/**
 * Folds text for lexicon matching: compatibility forms, case, Latin accents, apostrophes, dashes and Turkish
 * dotted/dotless i all collapse, so "Doğu Türkistan", "dogu turkistan" and "DOĞU TÜRKİSTAN" match one entry.
 * Only combining marks in U+0300-036F are stripped, which keeps Japanese dakuten and Hangul intact.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[-‐‑‒–—_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
