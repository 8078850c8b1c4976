import { parseHTML } from 'linkedom';
import { forEachElement, parsePage, type Element } from './light-dom';

/**
 * The page as linkedom would hold it after the same hidden and noise elements were removed: Readability
 * needs a DOM with the browser's API, and this one reproduces exactly what it was given before we parsed
 * with htmlparser2 alone. Both parsers build elements from the same events in the same order, so an element
 * is found in the copy by its position in document order (read off its start index in the source).
 */
export function cleanedLinkedomCopy(page: string, removed: readonly Element[]): globalThis.Document {
  const removedStarts = new Set(removed.map((element) => element.startIndex));
  const removedPositions = new Set<number>();
  let position = 0;
  forEachElement(parsePage(page), (element) => {
    if (removedStarts.has(element.startIndex)) removedPositions.add(position);
    position += 1;
    return true;
  });
  const { document } = parseHTML(page);
  const elements: globalThis.Element[] = [];
  const collect = (parent: globalThis.Element | globalThis.Document): void => {
    for (const child of Array.from(parent.children)) {
      elements.push(child);
      collect(child);
    }
  };
  collect(document);
  for (const index of removedPositions) elements[index]?.remove();
  // The first read of document.body adds an empty <head> (and <body>) where the markup has none.
  void document.body;
  return document;
}
