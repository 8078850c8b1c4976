import { removeNoiseElements } from './dom-clean';
import type { ExtractedPage, ExtractOptions } from './extract.types';
import { removeHiddenElements } from './hidden';
import { guessLanguage, primaryLanguage } from './language';
import {
  attribute,
  documentElement,
  parsePage,
  queryFirst,
  textOf,
  type Document,
  type Element,
} from './light-dom';
import { cleanedLinkedomCopy } from './linkedom-copy';
import { mainContentBlocks } from './main-content';
import { normaliseText } from './normalise';
import { splitSentences } from './sentences';

/** document.querySelector(selector)?.getAttribute(name) */
function firstAttribute(document: Document, selector: string, name: string): string | undefined {
  const element = queryFirst(document, selector);
  return element && attribute(element, name);
}

function firstText(document: Document, selector: string): string {
  const element = queryFirst(document, selector);
  return element ? textOf(element) : '';
}

function declaredLanguage(document: Document): string | undefined {
  const root = documentElement(document);
  // In order of trust, each read only if the ones before say nothing (the meta tags cost a walk each).
  const candidates = [
    () => root && attribute(root, 'lang'),
    () => root && attribute(root, 'xml:lang'),
    () => firstAttribute(document, 'meta[http-equiv="content-language" i]', 'content'),
    () => firstAttribute(document, 'meta[name="language" i]', 'content'),
    () => firstAttribute(document, 'meta[property="og:locale"]', 'content'),
  ];
  for (const candidate of candidates) {
    const language = primaryLanguage(candidate());
    if (language) return language;
  }
  return undefined;
}

function pageTitle(document: Document): string {
  const title = normaliseText(firstText(document, 'title'));
  if (title) return title;
  const og = firstAttribute(document, 'meta[property="og:title"]', 'content');
  if (og) return normaliseText(og);
  return normaliseText(firstText(document, 'h1'));
}

function sentencesOf(blocks: string[]): string[] {
  const sentences: string[] = [];
  for (const block of blocks) for (const sentence of splitSentences(block)) sentences.push(sentence);
  return sentences;
}

/** Builds the page record shared by the HTML and plain-text paths. */
export function pageFromBlocks(title: string, declared: string | undefined, blocks: string[]): ExtractedPage {
  const mainText = blocks.join('\n');
  return {
    title,
    language: declared ?? guessLanguage(`${title}\n${mainText}`),
    mainText,
    sentences: sentencesOf(blocks),
  };
}

/** Pages are read as linkedom read them: it builds a document only from a whole page, so fragments and
 * body-only markup are wrapped into one. */
function asWholePage(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return /<(?:head|body)[\s>]/i.test(html) ? `<html>${html}</html>` : `<html><body>${html}</body></html>`;
}

/** The main content of an HTML page as normalised text and sentences. */
export function extractFromHtml(html: string, options: ExtractOptions = {}): ExtractedPage {
  const page = asWholePage(html);
  const document = parsePage(page);
  const title = pageTitle(document);
  const language = declaredLanguage(document);
  const removed: Element[] = [];
  const onRemove = (element: Element): void => void removed.push(element);
  removeHiddenElements(document, onRemove);
  removeNoiseElements(document, onRemove);
  const blocks = mainContentBlocks(document, options.selector?.trim() || undefined, () =>
    cleanedLinkedomCopy(page, removed),
  );
  return pageFromBlocks(title, language, blocks);
}
