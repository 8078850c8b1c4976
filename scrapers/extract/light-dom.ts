import { compile, type Options } from 'css-select';
import * as domhandler from 'domhandler';
import type { AnyNode, Document, Element, ParentNode, Text } from 'domhandler';
import * as domutils from 'domutils';
import { parseDocument } from 'htmlparser2';
import { visibleChars } from './white-space';

/**
 * A plain htmlparser2/domhandler tree, read the way linkedom (our former DOM) reads the same markup, at a fifth
 * of its parsing cost. Both build their tree from the same htmlparser2 events with the same options, so the
 * trees match node for node; the helpers below copy linkedom's few differences from a browser where our
 * extraction sees them: class attributes read as their de-duplicated tokens, queries that do not enter
 * <template>, and a missing <head>/<body> created on first access.
 */
export type { Document, Element };

// linkedom's parser options; start indices name elements across two parses of the same page.
const PARSER_OPTIONS = { lowerCaseAttributeNames: false, decodeEntities: true, withStartIndices: true };

export function parsePage(html: string): Document {
  return parseDocument(html, PARSER_OPTIONS);
}

// Read once: through the package's re-exports, every use of domhandler.Element calls a getter, and these
// checks run for every node of every page.
const ElementNode = domhandler.Element;
const TextNode = domhandler.Text;

export function isElement(node: AnyNode): node is Element {
  return node instanceof ElementNode;
}

export function isText(node: AnyNode): node is Text {
  return node instanceof TextNode;
}

/**
 * Non-space characters of a text node, counted once and kept on the node: the cleaning passes ask again for
 * the same nodes, and a property read is far cheaper than a WeakMap lookup there. The tree is our own, parsed
 * for this one extraction, and no text node's data is ever changed after parsing.
 */
export function visibleCharsOf(text: Text): number {
  const node = text as Text & { visibleChars?: number };
  let count = node.visibleChars;
  if (count === undefined) node.visibleChars = count = visibleChars(text.data);
  return count;
}

/** linkedom keeps the class attribute as its whitespace-separated tokens, de-duplicated, joined by one space. */
function classValue(element: Element): string {
  const raw = element.attribs.class;
  if (!raw) return '';
  return [...new Set(raw.split(/\s+/).filter((token) => token.length > 0))].join(' ');
}

/** getAttribute as linkedom answers it: "class" is always a string (empty when absent). */
export function attribute(element: Element, name: string): string | undefined {
  return name === 'class' ? classValue(element) : element.attribs[name];
}

export function hasAttribute(element: Element, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(element.attribs, name);
}

type Adapter = NonNullable<Options<AnyNode, Element>['adapter']>;

const adapter: Adapter = {
  ...(domutils as unknown as Adapter),
  getAttributeValue: (element, name) => attribute(element, name),
};

const compiled = new Map<string, (element: Element) => boolean>();

/** A compiled selector, cached: stylesheet rules and watch selectors repeat from page to page. */
function matcher(selector: string): (element: Element) => boolean {
  let test = compiled.get(selector);
  if (!test) {
    test = compile<AnyNode, Element>(selector, { xmlMode: false, adapter });
    if (compiled.size > 500) compiled.clear();
    compiled.set(selector, test);
  }
  return test;
}

/** Elements below root in document order, not entering <template> (as linkedom's queries do not). */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const test = matcher(selector);
  const found: Element[] = [];
  forEachElement(root, (element) => {
    if (test(element)) found.push(element);
    return element.name !== 'template';
  });
  return found;
}

/** The first element below root that matches, in document order, not entering <template>. */
export function queryFirst(root: ParentNode, selector: string): Element | undefined {
  const test = matcher(selector);
  let found: Element | undefined;
  forEachElement(root, (element) => {
    if (found) return false;
    if (test(element)) found = element;
    return !found && element.name !== 'template';
  });
  return found;
}

/** Visits the elements below root in document order; `visit` returns false to skip an element's children. */
export function forEachElement(root: ParentNode, visit: (element: Element) => boolean): void {
  // The next sibling is read first: visit may remove the element it is given.
  let child = root.firstChild;
  while (child) {
    const next = child.next;
    if (isElement(child) && visit(child)) forEachElement(child, visit);
    child = next;
  }
}

/** textContent: every text node below node, comments excluded. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

/** Non-space characters of all text below node, without building the string. */
export function visibleLengthOf(node: AnyNode): number {
  if (isText(node)) return visibleCharsOf(node);
  if (!isElement(node)) return 0;
  const children = node.children;
  let count = 0;
  for (let index = 0; index < children.length; index++) count += visibleLengthOf(children[index]);
  return count;
}

export function parentElement(node: AnyNode): Element | undefined {
  const parent = node.parent;
  return parent && isElement(parent) ? parent : undefined;
}

/** The nearest of element and its ancestors for which test holds (Element.closest). */
export function closest(
  element: Element | undefined,
  test: (element: Element) => boolean,
): Element | undefined {
  for (let current = element; current; current = parentElement(current)) if (test(current)) return current;
  return undefined;
}

export function removeNode(node: AnyNode): void {
  domutils.removeElement(node);
}

export function replaceNode(node: AnyNode, replacement: Element): void {
  domutils.replaceElement(node, replacement);
}

/** A new element with the given element children or a text (no text node for an empty text, as linkedom). */
export function createElement(name: string, content: Element[] | string): Element {
  const children = typeof content === 'string' ? (content ? [new TextNode(content)] : []) : content;
  const element = new ElementNode(name, {}, children);
  for (const [index, child] of children.entries()) {
    child.parent = element;
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  }
  return element;
}

function firstElementChild(node: ParentNode): Element | undefined {
  return node.children.find(isElement);
}

export function documentElement(document: Document): Element | undefined {
  return firstElementChild(document);
}

/**
 * document.body as linkedom gives it: the element after a leading <head>, each created empty when missing
 * (so markup like `<html><p>…</p></html>` has an empty body, exactly as before).
 */
export function bodyOf(document: Document): Element {
  const root = documentElement(document);
  if (!root) throw new TypeError('the page has no root element');
  let head = firstElementChild(root);
  if (!head || head.name !== 'head') {
    head = createElement('head', []);
    domutils.prependChild(root, head);
  }
  let next = head.next;
  while (next && !isElement(next)) next = next.next;
  if (next && isElement(next) && next.name === 'body') return next;
  const body = createElement('body', []);
  domutils.append(head, body);
  return body;
}
