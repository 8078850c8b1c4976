import { getLexicon } from '../lexicon';

/** The primary subtag of a declared language ("de-CH" -> "de"), or undefined when it is missing or "x-default". */
export function primaryLanguage(declared: string | null | undefined): string | undefined {
  const primary = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** A cheap guess from the script, then from frequent short words; "und" when nothing stands out. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const kana = countMatches(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = countMatches(sample, /\p{Script=Han}/gu);
  const hangul = countMatches(sample, /\p{Script=Hangul}/gu);
  const arabic = countMatches(sample, /\p{Script=Arabic}/gu);
  const cyrillic = countMatches(sample, /\p{Script=Cyrillic}/gu);
  const latin = countMatches(sample, /\p{Script=Latin}/gu);
  const top = Math.max(kana + han, hangul, arabic, cyrillic, latin);
  if (top === 0) return 'und';
  if (top === kana + han) return kana > 0 && kana * 10 >= han ? 'ja' : 'zh';
  if (top === hangul) return 'ko';
  // Uyghur's Arabic alphabet has letters Arabic and Persian lack (ۇ ۆ ۈ ې ى ڭ).
  if (top === arabic) return /[ۇۆۈېىڭ]/u.test(sample) ? 'ug' : 'ar';
  if (top === cyrillic) return 'ru';
  return guessLatinLanguage(sample);
}

function guessLatinLanguage(sample: string): string {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestScore = 0;
  for (const [language, stopwords] of Object.entries(getLexicon().stopwords)) {
    const score = words.reduce((sum, word) => sum + (stopwords.has(word) ? 1 : 0), 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
