import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { findTerms } from '../lexicon';
import { collectBlocks } from './block-text';
import { removeFurniture } from './dom-clean';
import {
  bodyOf,
  closest,
  parentElement,
  parsePage,
  queryAll,
  visibleLengthOf,
  type Document,
  type Element,
} from './light-dom';

/** A main/article region must hold this share of the page's text to be trusted as the content. */
const SEMANTIC_SHARE = 0.25;
/** Readability is consulted only on long pages; short ones keep every paragraph the cleaning left. */
const READABILITY_MIN_CHARS = 3000;
/** ... and its answer is used only if it keeps at least this share of the cleaned text. */
const READABILITY_MIN_SHARE = 0.3;

/** The element with the most text (the first of equals), and that text's length. */
function largest(elements: Element[]): { element: Element; chars: number } | undefined {
  let best: { element: Element; chars: number } | undefined;
  for (const element of elements) {
    const chars = visibleLengthOf(element);
    if (!best || chars > best.chars) best = { element, chars };
  }
  return best;
}

const isArticle = (element: Element): boolean => element.name === 'article';

/** The semantic content region if the page marks one convincingly: main, then a single dominant article. */
function semanticRoot(document: Document): { element: Element; chars: number } | undefined {
  const bodyChars = visibleLengthOf(bodyOf(document));
  if (bodyChars === 0) return undefined;
  const main = largest(queryAll(document, 'main, [role="main"]'));
  if (main && main.chars / bodyChars >= SEMANTIC_SHARE) return main;
  const articles = queryAll(document, 'article').filter(
    (article) => !closest(parentElement(article), isArticle),
  );
  const article = largest(articles);
  if (article && (articles.length === 1 || article.chars / bodyChars > 0.5)) {
    return article.chars / bodyChars >= SEMANTIC_SHARE ? article : undefined;
  }
  return undefined;
}

function carriesStatement(block: string): boolean {
  return findTerms(block).some((hit) => hit.strong);
}

/**
 * Readability's pick of the content for long pages without semantic markup, plus any region or forced-labour
 * block it left out: losing such a block would hide exactly the change we watch for.
 */
function readabilityBlocks(document: globalThis.Document, cleanedBlocks: string[]): string[] | undefined {
  const copy = parseHTML(document.documentElement.outerHTML).document;
  const article = new Readability(copy, { charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  const container = bodyOf(parsePage(`<html><body>${article.content}</body></html>`));
  const blocks = collectBlocks(container);
  const kept = blocks.join('').length;
  const cleaned = cleanedBlocks.join('').length;
  if (cleaned === 0 || kept / cleaned < READABILITY_MIN_SHARE) return undefined;
  const keptText = new Set(blocks);
  const missing = cleanedBlocks.filter((block) => !keptText.has(block) && carriesStatement(block));
  return [...blocks, ...missing];
}

/**
 * Blocks of the page's main content, after hidden elements and noise have been removed from document.
 * `cleanedCopy` gives that same cleaned page as a linkedom document, which Readability needs; it is only
 * asked for on long pages without semantic markup.
 */
export function mainContentBlocks(
  document: Document,
  selector: string | undefined,
  cleanedCopy: () => globalThis.Document,
): string[] {
  if (selector) {
    const roots = queryAll(document, selector).filter(
      (element, _, all) => !all.some((other) => other !== element && contains(other, element)),
    );
    return roots.flatMap((root) => {
      removeFurniture(root);
      return collectBlocks(root);
    });
  }
  const semantic = semanticRoot(document);
  if (semantic) {
    removeFurniture(semantic.element, semantic.chars);
    return collectBlocks(semantic.element);
  }
  const body = bodyOf(document);
  const bodyChars = visibleLengthOf(body);
  removeFurniture(body, bodyChars);
  const long = bodyChars >= READABILITY_MIN_CHARS;
  const cleanedBlocks = collectBlocks(body);
  if (long && cleanedBlocks.join('').length >= READABILITY_MIN_CHARS) {
    // Readability reads the page before furniture removal rewrote it, as linkedom serialised and re-read it.
    const original = parseHTML(cleanedCopy().documentElement.outerHTML).document;
    return readabilityBlocks(original, cleanedBlocks) ?? cleanedBlocks;
  }
  return cleanedBlocks;
}

function contains(ancestor: Element, element: Element): boolean {
  for (let current = parentElement(element); current; current = parentElement(current))
    if (current === ancestor) return true;
  return false;
}
