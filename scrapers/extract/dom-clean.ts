import { findTerms } from '../lexicon';
import {
  attributeTokens,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  FURNITURE_TOKENS,
  NOISE_TAGS,
  OVERLAY_TOKENS,
  SHORT_FURNITURE_TOKENS,
} from './boilerplate-patterns';

const DESCRIBING_ATTRIBUTES = [
  'id',
  'class',
  'aria-label',
  'data-testid',
  'data-component',
  'data-module',
  'data-block',
];
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu']);
const RESCUE_TAGS = 'p, li, a, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption';
const PROTECTED = 'main, article, [role="main"]';
/** Below this many characters a tile, card or promo is furniture even without links. */
const SHORT_BLOCK_CHARS = 300;

/** Scripts, styles, form controls, embedded media: never text a visitor reads as the page. */
export function removeNoiseElements(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(NOISE_TAGS.join(',')))) element.remove();
}

function visibleLength(text: string | null): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

function linkStats(element: Element): { links: number; density: number } {
  const links = Array.from(element.querySelectorAll('a'));
  const total = visibleLength(element.textContent);
  if (total === 0) return { links: links.length, density: 0 };
  const linked = links.reduce((sum, link) => sum + visibleLength(link.textContent), 0);
  return { links: links.length, density: linked / total };
}

function describingTokens(element: Element): Set<string> {
  const tokens = new Set<string>();
  for (const name of DESCRIBING_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) for (const token of attributeTokens(value)) tokens.add(token);
  }
  return tokens;
}

function hasAny(tokens: Set<string>, wanted: Set<string>): boolean {
  for (const token of tokens) if (wanted.has(token)) return true;
  return false;
}

type Verdict = 'keep' | 'drop' | 'drop-keeping-statements';

function judge(element: Element, rootChars: number): Verdict {
  const tag = element.tagName.toLowerCase();
  if (tag === 'header' && element.parentElement?.closest(PROTECTED)) return 'keep';
  if (FURNITURE_TAGS.has(tag)) return 'drop-keeping-statements';
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (role && FURNITURE_ROLES.has(role)) return 'drop-keeping-statements';
  const tokens = describingTokens(element);
  if (hasAny(tokens, OVERLAY_TOKENS)) return 'drop';
  const chars = visibleLength(element.textContent);
  const { links, density } = linkStats(element);
  if (hasAny(tokens, FURNITURE_TOKENS)) {
    // A mislabelled wrapper ("header-offset" around the whole page) holds most of the text, not links.
    const wrapper = rootChars > 0 && chars / rootChars > 0.6 && density < 0.3;
    return wrapper ? 'keep' : 'drop-keeping-statements';
  }
  if (hasAny(tokens, SHORT_FURNITURE_TOKENS) && (chars < SHORT_BLOCK_CHARS || density > 0.5)) {
    return 'drop-keeping-statements';
  }
  const linkList = LIST_TAGS.has(tag) ? links >= 2 && density > 0.6 : links >= 3 && density > 0.7;
  return linkList ? 'drop-keeping-statements' : 'keep';
}

function carriesStatement(text: string | null): boolean {
  return !!text && findTerms(text).some((hit) => hit.strong);
}

/**
 * Replaces furniture by the region or forced-labour sentences it held (a "Statement on Xinjiang" link in a
 * link list), so deleting such a link is still seen while the rest of the furniture stays out.
 */
function dropKeepingStatements(element: Element): void {
  if (!carriesStatement(element.textContent)) {
    element.remove();
    return;
  }
  const rescued = Array.from(element.querySelectorAll(RESCUE_TAGS)).filter(
    (candidate) => carriesStatement(candidate.textContent) && !candidate.parentElement?.closest(RESCUE_TAGS),
  );
  const texts =
    rescued.length > 0 ? rescued.map((node) => node.textContent ?? '') : [element.textContent ?? ''];
  const replacement = element.ownerDocument.createElement('div');
  for (const text of texts) {
    const paragraph = element.ownerDocument.createElement('p');
    paragraph.textContent = text;
    replacement.appendChild(paragraph);
  }
  element.replaceWith(replacement);
}

/**
 * Removes page furniture below root, deepest first so that a container is judged on what is left once its
 * menus and tiles are gone. Elements holding main/article are never removed.
 */
export function removeFurniture(root: Element): void {
  const rootChars = visibleLength(root.textContent);
  const elements = Array.from(root.querySelectorAll('*')).reverse();
  for (const element of elements) {
    if (!element.isConnected || element.querySelector(PROTECTED)) continue;
    const verdict = judge(element, rootChars);
    if (verdict === 'drop') element.remove();
    else if (verdict === 'drop-keeping-statements') dropKeepingStatements(element);
  }
}
