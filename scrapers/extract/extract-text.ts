import { findCuesInFolded, findTermsInFolded, foldForMatch } from '../lexicon';
import type { ExtractedPage, TextMeta } from './extract.types';
import { pageFromBlocks } from './extract-html';
import { primaryLanguage } from './language';
import { normaliseText } from './normalise';

/** Longest line of rendered text that can still be a menu item, tile name or button rather than prose. */
const LABEL_MAX_CHARS = 48;
/** Sentence-ending punctuation: prose has it, labels ("Gift cards", "Bag (2)", "£45") do not. */
const SENTENCE_END = /[.!?…。！？]/u;

function softBlocks(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2').replace(/\n/g, ' '));
}

/**
 * innerText has no markup to tell menus and tiles from content, so a short line without sentence punctuation
 * is taken for a label, unless it names the region or forced labour or says the page is not found.
 */
function isLabelLine(line: string): boolean {
  if (line.length > LABEL_MAX_CHARS || SENTENCE_END.test(line)) return false;
  const folded = foldForMatch(line);
  return (
    !findTermsInFolded(folded).some((hit) => hit.strong) && findCuesInFolded(folded, 'soft404').length === 0
  );
}

/**
 * The same normalisation and sentence splitting for text that was already rendered: a browser's innerText
 * (one block per line, short label lines marked as labels) or a PDF's text (`lineBreaks: 'soft'`, wrapped
 * lines, hyphenated words re-joined).
 */
export function extractFromText(text: string, meta: TextMeta = {}): ExtractedPage {
  const unified = text.replace(/\r\n?/g, '\n');
  const soft = meta.lineBreaks === 'soft';
  const rawBlocks = soft ? softBlocks(unified) : unified.split('\n');
  const blocks = rawBlocks.map(normaliseText).filter((block) => block.length > 0);
  const page = pageFromBlocks(normaliseText(meta.title ?? ''), primaryLanguage(meta.language), blocks);
  return soft ? page : { ...page, labels: blocks.filter(isLabelLine) };
}
