import type { ExtractedPage, TextMeta } from './extract.types';
import { pageFromBlocks } from './extract-html';
import { primaryLanguage } from './language';
import { normaliseText } from './normalise';

function softBlocks(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2').replace(/\n/g, ' '));
}

/**
 * The same normalisation and sentence splitting for text that was already rendered: a browser's innerText
 * (one block per line) or a PDF's text (`lineBreaks: 'soft'`, wrapped lines, hyphenated words re-joined).
 */
export function extractFromText(text: string, meta: TextMeta = {}): ExtractedPage {
  const unified = text.replace(/\r\n?/g, '\n');
  const rawBlocks = meta.lineBreaks === 'soft' ? softBlocks(unified) : unified.split('\n');
  const blocks = rawBlocks.map(normaliseText).filter((block) => block.length > 0);
  return pageFromBlocks(normaliseText(meta.title ?? ''), primaryLanguage(meta.language), blocks);
}
