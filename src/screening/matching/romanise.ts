import { pinyin } from 'pinyin-pro';

/**
 * Full-width forms folded (NFKC), accents dropped (Ürümqi), lower case, apostrophes removed (Xi'an) and "&"
 * read as "and", so only letters, digits and Han characters carry meaning.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ');
}

/** Toneless pinyin as one word ("华美" -> "huamei"), as firms romanise their names. */
export function toPinyin(text: string): string {
  return foldText(pinyin(text, { toneType: 'none', type: 'array', v: false }).join(''));
}
