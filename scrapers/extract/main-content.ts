import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { findTerms } from '../lexicon';
import { collectBlocks } from './block-text';
import { removeFurniture } from './dom-clean';

/** A main/article region must hold this share of the page's text to be trusted as the content. */
const SEMANTIC_SHARE = 0.25;
/** Readability is consulted only on long pages; short ones keep every paragraph the cleaning left. */
const READABILITY_MIN_CHARS = 3000;
/** ... and its answer is used only if it keeps at least this share of the cleaned text. */
const READABILITY_MIN_SHARE = 0.3;

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}

function largest(elements: Element[]): Element | undefined {
  return elements.reduce<Element | undefined>(
    (best, element) => (!best || textLength(element) > textLength(best) ? element : best),
    undefined,
  );
}

/** The semantic content region if the page marks one convincingly: main, then a single dominant article. */
function semanticRoot(document: Document): Element | undefined {
  const bodyChars = textLength(document.body);
  if (bodyChars === 0) return undefined;
  const main = largest(Array.from(document.querySelectorAll('main, [role="main"]')));
  if (main && textLength(main) / bodyChars >= SEMANTIC_SHARE) return main;
  const articles = Array.from(document.querySelectorAll('article')).filter(
    (article) => !article.parentElement?.closest('article'),
  );
  const article = largest(articles);
  if (article && (articles.length === 1 || textLength(article) / bodyChars > 0.5)) {
    return textLength(article) / bodyChars >= SEMANTIC_SHARE ? article : undefined;
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
function readabilityBlocks(document: Document, cleanedBlocks: string[]): string[] | undefined {
  const copy = parseHTML(document.documentElement.outerHTML).document;
  const article = new Readability(copy, { charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  const container = parseHTML(`<html><body>${article.content}</body></html>`).document.body;
  const blocks = collectBlocks(container);
  const kept = blocks.join('').length;
  const cleaned = cleanedBlocks.join('').length;
  if (cleaned === 0 || kept / cleaned < READABILITY_MIN_SHARE) return undefined;
  const keptText = new Set(blocks);
  const missing = cleanedBlocks.filter((block) => !keptText.has(block) && carriesStatement(block));
  return [...blocks, ...missing];
}

/** Blocks of the page's main content, after hidden elements and noise have been removed from document. */
export function mainContentBlocks(document: Document, selector: string | undefined): string[] {
  if (selector) {
    const roots = Array.from(document.querySelectorAll(selector)).filter(
      (element, _, all) => !all.some((other) => other !== element && other.contains(element)),
    );
    return roots.flatMap((root) => {
      removeFurniture(root);
      return collectBlocks(root);
    });
  }
  const semantic = semanticRoot(document);
  if (semantic) {
    removeFurniture(semantic);
    return collectBlocks(semantic);
  }
  const body = document.body;
  if (!body) return [];
  // Readability needs the page before furniture removal rewrites it.
  const original =
    textLength(body) >= READABILITY_MIN_CHARS ? parseHTML(document.documentElement.outerHTML).document : undefined;
  removeFurniture(body);
  const cleanedBlocks = collectBlocks(body);
  if (original && cleanedBlocks.join('').length >= READABILITY_MIN_CHARS) {
    return readabilityBlocks(original, cleanedBlocks) ?? cleanedBlocks;
  }
  return cleanedBlocks;
}
