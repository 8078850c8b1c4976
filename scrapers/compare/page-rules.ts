import { findCuesInFolded, foldForMatch } from '../lexicon';
import type { ComparablePage } from './compare.types';
import { withoutLabels, type SentenceItem } from './sentence-items';

/** HTTP statuses that mean the page was removed rather than failing for now. */
const GONE_STATUSES = new Set([404, 410]);
/** A "not found" page is short: longer pages that mention "not found" are content. */
const SOFT_404_MAX_CHARS = 1500;
const SOFT_404_LEADING_SENTENCES = 6;
/** Below this share of the old main text left, the page has lost most of what it said. */
const TEXT_LOSS_SHARE = 0.5;
const TEXT_LOSS_MIN_OLD_CHARS = 200;

export function isGone(page: ComparablePage): boolean {
  return page.status !== undefined && GONE_STATUSES.has(page.status);
}

/** Reads like a "page not found" page in any lexicon language: judged from its title and opening lines. */
export function looksLikeSoft404(page: ComparablePage): boolean {
  if (page.mainText.length > SOFT_404_MAX_CHARS) return false;
  // Menu lines of rendered text would push the message out of the opening lines.
  const opening = [page.title, ...withoutLabels(page).slice(0, SOFT_404_LEADING_SENTENCES)].join('\n');
  return findCuesInFolded(foldForMatch(opening), 'soft404').length > 0;
}

function keyChars(items: readonly SentenceItem[]): number {
  return items.reduce((sum, item) => sum + item.key.length, 0);
}

/** Most of the comparable text is gone (a policy cut to a line, a page emptied by a redesign). */
export function lostMostText(before: readonly SentenceItem[], after: readonly SentenceItem[]): boolean {
  const old = keyChars(before);
  return old >= TEXT_LOSS_MIN_OLD_CHARS && keyChars(after) < old * TEXT_LOSS_SHARE;
}

export { keyChars };

/** A page this short that names a PDF or a download is a pointer to a document, not a statement. */
const DOCUMENT_POINTER_MAX_CHARS = 400;
const DOCUMENT_POINTER =
  /\bpdf\b|\.pdf\b|download|telecharger|herunterladen|descargar|scaricare|ダウンロード|下载|下載/i;

/**
 * The statement page became only a link to a document (often the PDF the statement moved into): what the
 * page said is no longer on it, and the reviewer should follow the link.
 */
export function becameDocumentPointer(
  before: readonly SentenceItem[],
  after: readonly SentenceItem[],
): boolean {
  // The link's own words may name the statement ("Modern Slavery Statement (PDF)"): what counts is that the
  // statements the page made are gone and a short pointer is what is left.
  if (!before.some((item) => item.strong) || !lostMostText(before, after)) return false;
  const text = after.map((item) => item.text).join(' ');
  return text.length <= DOCUMENT_POINTER_MAX_CHARS && DOCUMENT_POINTER.test(text);
}
