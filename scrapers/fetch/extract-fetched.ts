import { extractFromHtml, extractFromText, type ExtractedPage } from '../extract';
import type { FetchResult } from './fetch-result';

/**
 * The text a watch compares, from either fetcher's result: the rendered innerText for browser fetches
 * (hidden elements already gone), readability-style extraction for served HTML, and plain or PDF text as is.
 * A watch's CSS selector needs a DOM, so with a selector the (rendered) HTML is used in every case.
 * Returns undefined for a 304, which has no body to read.
 */
export function extractFetched(
  result: FetchResult,
  options: { selector?: string } = {},
): ExtractedPage | undefined {
  if (result.notModified) return undefined;
  if (result.html !== undefined && (options.selector || result.renderedText === undefined)) {
    return extractFromHtml(result.html, { selector: options.selector });
  }
  if (result.renderedText !== undefined) {
    return extractFromText(result.renderedText, { title: result.title, lineBreaks: 'block' });
  }
  return extractFromText(result.text ?? '', { lineBreaks: result.kind === 'pdf' ? 'soft' : 'block' });
}
