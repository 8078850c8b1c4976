import { findTerms } from '../lexicon';
import {
  attribute,
  closest,
  createElement,
  forEachElement,
  isElement,
  isText,
  parentElement,
  removeNode,
  replaceNode,
  textOf,
  visibleCharsOf,
  visibleLengthOf,
  type Document,
  type Element,
} from './light-dom';
import {
  attributeTokens,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  FURNITURE_TOKENS,
  NOISE_TAGS,
  OVERLAY_TOKENS,
  SHORT_FURNITURE_TOKENS,
} from './boilerplate-patterns';
import { CONSENT_PROMPT_MAX_CHARS, readsAsConsentPrompt } from './consent-prompt';

const DESCRIBING_ATTRIBUTES = [
  'id',
  'class',
  'aria-label',
  'data-testid',
  'data-component',
  'data-module',
  'data-block',
  // A/B tests mark the blocks they swap; "hero-copy", "headline-b" then read as furniture.
  'data-experiment',
  'data-variant',
];
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu']);
const RESCUE_TAGS = new Set(['p', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt']);
RESCUE_TAGS.add('blockquote').add('figcaption');
const NOISE = new Set(NOISE_TAGS);
/** Containers a consent prompt comes in; paragraphs inside a statement are never judged as one. */
const PROMPT_TAGS = new Set(['div', 'section', 'aside', 'dialog', 'form']);
/** Below this many characters a tile, card or promo is furniture even without links. */
const SHORT_BLOCK_CHARS = 300;

/** main, article, [role="main"]: never removed as furniture, nor is anything that holds them. */
function isProtected(element: Element): boolean {
  return element.name === 'main' || element.name === 'article' || element.attribs.role === 'main';
}

function isRescueTag(element: Element): boolean {
  return RESCUE_TAGS.has(element.name);
}

/** Scripts, styles, form controls, embedded media: never text a visitor reads as the page. */
export function removeNoiseElements(document: Document, onRemove: (element: Element) => void): void {
  forEachElement(document, (element) => {
    if (!NOISE.has(element.name)) return element.name !== 'template';
    onRemove(element);
    removeNode(element);
    return false;
  });
}

function describingTokens(element: Element): Set<string> {
  const tokens = new Set<string>();
  for (const name of DESCRIBING_ATTRIBUTES) {
    const value = attribute(element, name);
    if (value) for (const token of attributeTokens(value)) tokens.add(token);
  }
  return tokens;
}

function hasAny(tokens: Set<string>, wanted: Set<string>): boolean {
  for (const token of tokens) if (wanted.has(token)) return true;
  return false;
}

/** What judging an element needs to know of what is below it, as it stands once its descendants were judged. */
interface SubtreeStats {
  /** Non-space characters of its text. */
  chars: number;
  /** Links below it, and the non-space characters of their text (nested links counted at each level). */
  links: number;
  linkedChars: number;
  holdsProtected: boolean;
}

type Verdict = 'keep' | 'drop' | 'drop-keeping-statements';

function judge(element: Element, stats: SubtreeStats, rootChars: number): Verdict {
  const tag = element.name;
  if (tag === 'header' && closest(parentElement(element), isProtected)) return 'keep';
  if (FURNITURE_TAGS.has(tag)) return 'drop-keeping-statements';
  const role = attribute(element, 'role')?.trim().toLowerCase();
  if (role && FURNITURE_ROLES.has(role)) return 'drop-keeping-statements';
  const tokens = describingTokens(element);
  if (hasAny(tokens, OVERLAY_TOKENS)) return 'drop';
  const { chars, links } = stats;
  const density = chars === 0 ? 0 : stats.linkedChars / chars;
  if (hasAny(tokens, FURNITURE_TOKENS)) {
    // A mislabelled wrapper ("header-offset" around the whole page) holds most of the text, not links.
    const wrapper = rootChars > 0 && chars / rootChars > 0.6 && density < 0.3;
    return wrapper ? 'keep' : 'drop-keeping-statements';
  }
  if (hasAny(tokens, SHORT_FURNITURE_TOKENS) && (chars < SHORT_BLOCK_CHARS || density > 0.5)) {
    return 'drop-keeping-statements';
  }
  const linkList = LIST_TAGS.has(tag) ? links >= 2 && density > 0.6 : links >= 3 && density > 0.7;
  if (linkList) return 'drop-keeping-statements';
  return isConsentPrompt(element, chars, rootChars) ? 'drop-keeping-statements' : 'keep';
}

/** A block container, short and not most of the page, that reads as a consent prompt. */
function isConsentPrompt(element: Element, chars: number, rootChars: number): boolean {
  if (!PROMPT_TAGS.has(element.name) || chars === 0 || chars > CONSENT_PROMPT_MAX_CHARS) return false;
  if (rootChars > 0 && chars / rootChars > 0.5) return false;
  return readsAsConsentPrompt(textOf(element));
}

function carriesStatement(text: string): boolean {
  return text.length > 0 && findTerms(text).some((hit) => hit.strong);
}

/** Texts of the outermost rescue-tag elements below element that carry a statement (none may have a rescue-tag ancestor). */
function rescuedTexts(element: Element): string[] {
  const texts: string[] = [];
  // A rescue tag at or above the furniture (an <li> class="nav") rules out everything inside it.
  if (closest(element, isRescueTag)) return texts;
  forEachElement(element, (candidate) => {
    if (!isRescueTag(candidate)) return candidate.name !== 'template';
    const text = textOf(candidate);
    if (carriesStatement(text)) texts.push(text);
    return false;
  });
  return texts;
}

/**
 * Replaces furniture by the region or forced-labour sentences it held (a "Statement on Xinjiang" link in a
 * link list), so deleting such a link is still seen while the rest of the furniture stays out. Returns what
 * now stands in its place.
 */
function dropKeepingStatements(element: Element): Element | undefined {
  const text = textOf(element);
  if (!carriesStatement(text)) {
    removeNode(element);
    return undefined;
  }
  const rescued = rescuedTexts(element);
  const texts = rescued.length > 0 ? rescued : [text];
  const replacement = createElement(
    'div',
    texts.map((paragraph) => createElement('p', paragraph)),
  );
  replaceNode(element, replacement);
  return replacement;
}

function replacementStats(replacement: Element): SubtreeStats {
  return { chars: visibleLengthOf(replacement), links: 0, linkedChars: 0, holdsProtected: false };
}

/**
 * Removes page furniture below root, deepest first so that a container is judged on what is left once its
 * menus and tiles are gone. Elements holding main/article are never removed. Each element's text and link
 * counts are summed from its children's as the walk comes back up, instead of re-reading its whole subtree.
 */
export function removeFurniture(root: Element, rootChars = visibleLengthOf(root)): void {
  const settle = (element: Element): SubtreeStats => {
    const stats: SubtreeStats = { chars: 0, links: 0, linkedChars: 0, holdsProtected: false };
    for (const child of [...element.children]) {
      if (!isElement(child)) {
        if (isText(child)) stats.chars += visibleCharsOf(child);
        continue;
      }
      const result = judgeAndApply(child, settle(child));
      if (!result) continue;
      stats.chars += result.stats.chars;
      stats.links += result.stats.links + (result.node.name === 'a' ? 1 : 0);
      stats.linkedChars += result.stats.linkedChars + (result.node.name === 'a' ? result.stats.chars : 0);
      stats.holdsProtected ||= result.stats.holdsProtected || isProtected(result.node);
    }
    return stats;
  };
  const judgeAndApply = (
    element: Element,
    stats: SubtreeStats,
  ): { node: Element; stats: SubtreeStats } | undefined => {
    if (stats.holdsProtected) return { node: element, stats };
    const verdict = judge(element, stats, rootChars);
    if (verdict === 'keep') return { node: element, stats };
    if (verdict === 'drop') {
      removeNode(element);
      return undefined;
    }
    const replacement = dropKeepingStatements(element);
    return replacement && { node: replacement, stats: replacementStats(replacement) };
  };
  settle(root);
}
