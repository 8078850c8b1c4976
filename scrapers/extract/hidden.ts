import { HIDDEN_CLASSES } from './boilerplate-patterns';
import {
  attribute,
  forEachElement,
  hasAttribute,
  queryAll,
  removeNode,
  textOf,
  type Document,
  type Element,
} from './light-dom';

const HIDING_DECLARATION =
  /(?:^|;|\s)(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important)?\s*(?:;|$)/i;

/** Hidden by attribute, inline style or a framework's hiding class: not something a visitor reads. */
export function isHiddenInMarkup(element: Element): boolean {
  if (hasAttribute(element, 'hidden')) return true;
  if (attribute(element, 'aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = attribute(element, 'style');
  if (style && HIDING_DECLARATION.test(style)) return true;
  const classes = attribute(element, 'class');
  return !!classes && classes.split(/\s+/).some((name) => HIDDEN_CLASSES.has(name.toLowerCase()));
}

/**
 * Selectors that an embedded stylesheet hides unconditionally. Rules inside @media/@supports are skipped:
 * they hide things only on some screens. Pseudo-class selectors (":hover") are skipped too.
 */
export function selectorsHiddenByStyleSheets(document: Document): string[] {
  const selectors: string[] = [];
  for (const style of queryAll(document, 'style')) {
    const css = textOf(style).replace(/\/\*[\s\S]*?\*\//g, '');
    for (const rule of topLevelRules(css)) {
      if (!HIDING_DECLARATION.test(rule.body)) continue;
      for (const selector of rule.selector.split(',')) {
        const trimmed = selector.trim();
        if (trimmed && !trimmed.includes(':')) selectors.push(trimmed);
      }
    }
  }
  return selectors;
}

function topLevelRules(css: string): { selector: string; body: string }[] {
  const rules: { selector: string; body: string }[] = [];
  let depth = 0;
  let start = 0;
  let selector = '';
  for (let index = 0; index < css.length; index++) {
    const char = css[index];
    if (char === '{') {
      if (depth === 0) {
        selector = css.slice(start, index).trim();
        start = index + 1;
      }
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        if (!selector.startsWith('@')) rules.push({ selector, body: css.slice(start, index) });
        start = index + 1;
      }
    }
  }
  return rules;
}

/** Removes everything hidden in markup or by the page's own stylesheet, so hidden text reads as gone. */
export function removeHiddenElements(document: Document, onRemove: (element: Element) => void): void {
  const remove = (element: Element): boolean => {
    const tag = element.name;
    if (tag === 'html' || tag === 'body' || tag === 'head') return false;
    onRemove(element);
    removeNode(element);
    return true;
  };
  for (const selector of selectorsHiddenByStyleSheets(document)) {
    let matched: Element[];
    try {
      matched = queryAll(document, selector);
    } catch {
      // A selector the DOM library cannot parse hides nothing we can know about.
      continue;
    }
    for (const element of matched) remove(element);
  }
  // Children of a removed element are gone with it; <template> content is not part of the page.
  forEachElement(document, (element) => {
    if (isHiddenInMarkup(element) && remove(element)) return false;
    return element.name !== 'template';
  });
}
