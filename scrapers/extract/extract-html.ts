import { parseHTML } from 'linkedom';
import { removeNoiseElements } from './dom-clean';
import type { ExtractedPage, ExtractOptions } from './extract.types';
import { removeHiddenElements } from './hidden';
import { guessLanguage, primaryLanguage } from './language';
import { mainContentBlocks } from './main-content';
import { normaliseText } from './normalise';
import { splitSentences } from './sentences';

function declaredLanguage(document: Document): string | undefined {
  const candidates = [
    document.documentElement?.getAttribute('lang'),
    document.documentElement?.getAttribute('xml:lang'),
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
    document.querySelector('meta[name="language" i]')?.getAttribute('content'),
    document.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const language = primaryLanguage(candidate);
    if (language) return language;
  }
  return undefined;
}

function pageTitle(document: Document): string {
  const title = normaliseText(document.querySelector('title')?.textContent ?? '');
  if (title) return title;
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  if (og) return normaliseText(og);
  return normaliseText(document.querySelector('h1')?.textContent ?? '');
}

/** Builds the page record shared by the HTML and plain-text paths. */
export function pageFromBlocks(title: string, declared: string | undefined, blocks: string[]): ExtractedPage {
  const mainText = blocks.join('\n');
  return {
    title,
    language: declared ?? guessLanguage(`${title}\n${mainText}`),
    mainText,
    sentences: blocks.flatMap(splitSentences),
  };
}

/** linkedom builds a document only from a whole page; wrap fragments and body-only markup into one. */
function asWholePage(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return /<(?:head|body)[\s>]/i.test(html) ? `<html>${html}</html>` : `<html><body>${html}</body></html>`;
}

/** The main content of an HTML page as normalised text and sentences. */
export function extractFromHtml(html: string, options: ExtractOptions = {}): ExtractedPage {
  const { document } = parseHTML(asWholePage(html));
  const title = pageTitle(document);
  const language = declaredLanguage(document);
  removeHiddenElements(document);
  removeNoiseElements(document);
  const blocks = mainContentBlocks(document, options.selector?.trim() || undefined);
  return pageFromBlocks(title, language, blocks);
}
