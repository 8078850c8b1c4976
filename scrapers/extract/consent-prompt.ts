import { foldForMatch } from '../lexicon/fold';

/**
 * Consent prompts that no vendor id or class gives away (a CMP's obfuscated classes, a home-made banner).
 * They read alike in every language: they speak of cookies, tracking or privacy, ask for agreement, offer
 * choices, and name partners or personal data. Each group is one of those things; folded text.
 */
export const CONSENT_GROUPS: readonly RegExp[] = [
  /cookie|(?:tracking|similar) technolog|trackers|temoins|galleta|クッキー|ｸｯｷｰ/,
  /privacy|confidentialite|vie privee|datenschutz|privacidad|riservatezza|プライバシー|隐私|隱私/,
  /consent|agree|accept|j'accepte|einwillig|zustimm|akzeptier|einverstanden|aceptar|acepto|consenso|accett|同意|接受/,
  /reject|decline|refuse|deny|only necessary|essential|preferences|settings|your choices|manage|ablehnen|einstellungen|rechazar|denegar|rifiut|preferenze|拒否|拒绝|拒絕|设置|設定/,
  /partners|third parties|vendors|personal data|personalis|personaliz|advertis|analytics|partenaires|donnees personnelles|personenbezogen|datos personales|socios|dati personali|fornitori|パートナー|広告|合作伙伴|个性化|广告|廣告/,
];
/** Needs a cookie or privacy group: asking for agreement and naming partners alone is also how codes read. */
export const ANCHOR_GROUPS = 2;
export const MIN_GROUPS = 3;
/** Prompts are short; a longer block is content (a privacy policy page) even when it reads like one. */
export const CONSENT_PROMPT_MAX_CHARS = 1200;

/** Whether a short block of text reads as a consent prompt. */
export function readsAsConsentPrompt(text: string): boolean {
  const folded = foldForMatch(text);
  const matched = CONSENT_GROUPS.map((group) => group.test(folded));
  const anchored = matched.slice(0, ANCHOR_GROUPS).some(Boolean);
  return anchored && matched.filter(Boolean).length >= MIN_GROUPS;
}
